// ESLint: TypeScript's recommended rules, and the Lit and web-components rule sets the
// projects this one learns from use (lit-html templates, custom-element lifecycles).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'src/generated/',
      'custom-elements.json',
      'scripts/bench/results/',
      'wordpress/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.js'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.js'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'src/site/**/*.js', 'demo/**/*.js', 'test/**/*.ts', 'test/pages/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js', 'bin/**/*.js', 'src/cli/**/*.ts', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Node tests hand functions to the browser (page.evaluate): both sets of globals.
    files: ['test/**/*.mjs', 'scripts/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Chai's assertions are property reads: `expect(x).to.exist`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    rules: {
      // Unused values are a mistake, except a rest sibling that leaves a field out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // Declaration merging adds the element's events to the DOM's event maps: `interface X extends Y {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
);
