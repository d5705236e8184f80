// Settings for `npm run analyze`, which writes custom-elements.json from the JSDoc on
// the element. Lit's reactive state (`state: true` in `static properties`) is internal:
// the analyzer would otherwise list it as public fields and attributes.
const internalState = new Map(); // class name -> state property names

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/cli/**'],
  litelement: true,
  plugins: [
    {
      name: 'open-letter:hide-lit-state',
      analyzePhase({ ts, node }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const properties = node.members.find(
          (member) =>
            ts.isPropertyDeclaration(member) &&
            member.name.getText() === 'properties' &&
            member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
        );
        if (!properties?.initializer || !ts.isObjectLiteralExpression(properties.initializer)) return;
        const states = properties.initializer.properties
          .filter((entry) => /\bstate:\s*true\b/.test(entry.getText()))
          .map((entry) => entry.name.getText());
        internalState.set(node.name.getText(), new Set(states));
      },
      moduleLinkPhase({ moduleDoc }) {
        for (const declaration of moduleDoc.declarations ?? []) {
          const states = internalState.get(declaration.name);
          if (!states) continue;
          declaration.attributes = declaration.attributes?.filter(
            (attribute) => !states.has(attribute.fieldName ?? attribute.name),
          );
          declaration.members = declaration.members?.filter((member) => !states.has(member.name));
        }
      },
    },
  ],
};
