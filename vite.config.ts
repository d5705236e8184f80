import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform as transformCss } from 'lightningcss';
import { RolldownMagicString } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { campaignSchema, jsonSchemaOf, textSchema } from './src/campaign-schema.js';
import { litCuts } from './scripts/lit-cuts.js';

/** Writes `dist/open-letter.schema.json` from the same schema the element checks with. */
function campaignJsonSchema(): Plugin {
  return {
    name: 'open-letter:campaign-json-schema',
    apply: 'build',
    generateBundle() {
      const schema = {
        $id: 'open-letter.schema.json',
        title: 'open-letter campaign, version 1',
        ...toJsonSchema(campaignSchema, {
          errorMode: 'ignore',
          // Every text has the same rules: written once, under $defs.
          definitions: { text: textSchema },
          // The text predicate (v.custom) and the checks (v.check): their JSON Schema form comes with the schema.
          overrideSchema: ({ valibotSchema }) => jsonSchemaOf(valibotSchema) as JsonSchema | undefined,
          overrideAction: ({ valibotAction, jsonSchema }) => {
            const form = jsonSchemaOf(valibotAction);
            return form && ({ ...jsonSchema, ...form } as JsonSchema);
          },
        }),
      };
      this.emitFile({
        type: 'asset',
        fileName: 'open-letter.schema.json',
        source: `${JSON.stringify(schema, null, 2)}\n`,
      });
    },
  };
}

/**
 * Writes the block's one stylesheet, `open-letter.css`, minified, beside the script: the
 * script links it from there when a page lacks it (src/stylesheet.ts).
 */
function stylesheet(): Plugin {
  return {
    name: 'open-letter:stylesheet',
    apply: 'build',
    generateBundle() {
      const { code } = transformCss({
        filename: 'open-letter.css',
        code: readFileSync('src/open-letter.css'),
        minify: true,
      });
      this.emitFile({ type: 'asset', fileName: 'open-letter.css', source: code });
    },
  };
}

/**
 * The one-file build leaves out library code the block never runs: Lit's shadow-root
 * styling (css-tag.js: the block renders into the light DOM, styled by open-letter.css),
 * @lit/localize's message hashing and html`` messages (runtime-msg.js: every msg() names
 * its id and is a string or str``) and its one-locale-per-page runtime mode (runtime.js:
 * the block uses the reentrant mode), valibot's parsers (the block checks campaigns with its
 * own walker, src/checked-copy.ts, over valibot's schema descriptions: valibot-schema-stub.js
 * keeps only those), and the pieces of Lit's own modules listed in scripts/lit-cuts.ts. Each
 * stub fails loudly if it is ever called.
 */
function withoutUnusedLibraryCode(): Plugin {
  const stub = (file: string) => fileURLToPath(new URL(`./scripts/${file}`, import.meta.url));
  const stubs = [
    { source: './css-tag.js', library: '@lit/reactive-element', stub: stub('lit-css-tag-stub.js') },
    { source: '../internal/runtime-msg.js', library: '@lit/localize', stub: stub('lit-localize-runtime-msg-stub.js') },
    { source: './init/runtime.js', library: '@lit/localize', stub: stub('lit-localize-runtime-stub.js') },
    { source: 'valibot', library: '', stub: stub('valibot-schema-stub.js') },
  ];
  const leftOut = `import { leftOut } from ${JSON.stringify(stub('left-out.js'))};\n`;
  return {
    name: 'open-letter:without-unused-library-code',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return stubs.find((entry) => entry.source === source && importer?.includes(entry.library))?.stub ?? null;
    },
    transform(code, id) {
      const cuts = litCuts.filter((cut) => id.endsWith(`/node_modules/${cut.file}`));
      if (!cuts.length) return null;
      const cut = new RolldownMagicString(code);
      for (const { file, what, code: piece, stub: replacement } of cuts) {
        const at = code.indexOf(piece);
        if (at < 0 || code.indexOf(piece, at + 1) >= 0) {
          return this.error(
            `${file} changed: its code for ${what} is not there once, word for word; see scripts/lit-cuts.ts`,
          );
        }
        cut.overwrite(at, at + piece.length, replacement);
      }
      cut.prepend(leftOut);
      return { code: cut.toString(), map: cut.generateMap({ hires: true }).toString() };
    },
  };
}

/**
 * Runs the one-file build's body inside try/catch and exports the class only if it started.
 * Lit creates its Trusted Types policy while the module loads, before any code of ours runs:
 * on a page that refuses the policy (`trusted-types 'none'`, or a list without lit-html),
 * loading would throw uncaught. Caught, the element stays undefined, the fallback content
 * stays, and the console says what to allow. (Lit's writes to the page's built-ins and
 * globals, which frozen built-ins refuse, are left out: scripts/lit-cuts.ts.)
 */
function startsOrSaysWhy(): Plugin {
  return {
    name: 'open-letter:starts-or-says-why',
    apply: 'build',
    renderChunk(code, chunk) {
      // Before the minifier: the entry ends with its one export (preserveEntrySignatures: 'strict').
      const end = /\nexport \{ (\w+) \};\s*$/.exec(code);
      if (!chunk.isEntry || !end) return this.error(`${chunk.fileName} does not end with its one export`);
      const wrapped = new RolldownMagicString(code);
      wrapped.prepend('let openLetterIfStarted;try{\n');
      wrapped.overwrite(
        end.index,
        code.length,
        `\nopenLetterIfStarted=${end[1]}}catch(error){console.error(\`<open-letter>: could not start (\${error}); ` +
          'with Trusted Types, allow its policy: trusted-types lit-html' +
          `\`)}export{openLetterIfStarted as ${end[1]}};`,
      );
      return { code: wrapped.toString(), map: wrapped.generateMap({ hires: true }).toString() };
    },
  };
}

/** `npm start` opens on the demo page. */
function demoAtRoot(): Plugin {
  return {
    name: 'open-letter:demo-at-root',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url === '/' || request.url === '/index.html') {
          response.statusCode = 302;
          response.setHeader('location', '/demo/');
          response.end();
        } else next();
      });
    },
  };
}

/**
 * Property names the one-file build may shorten (about 0.13 KB gzip): our own objects' internal
 * names, each used by nothing else in the file. Never a name the outside world or Lit reads:
 * not the element's properties, attributes, events or their `detail`, not a campaign field,
 * not what Lit reads from us (`state`, `host`, `render`, `hostUpdated`…), not a DOM name. Terser renames
 * every property of a listed name, whatever its object, so a name shared with anything
 * else must not be listed; names of the DOM (such as `next`) it never renames.
 */
const internalProperties = new RegExp(
  // Lit's private names (`_$AH`…) belong to this file's own copy of Lit. Its markers
  // (`_$litType$`…) stay: another copy of Lit on the page may read them (the page's
  // hydration support renders every LitElement's templates with its own lit-html).
  `^_\\$(?!lit)|^(?:${[
    // The element's private reactive state (src/open-letter.ts); the state's fields.
    'chosenLanguage',
    'allSignatoriesShown',
    'announceLoading',
    'retrying',
    'linkBase',
    // How the letter is viewed (LetterView, src/letter-template.ts) and its headings.
    'reader',
    'idPrefix',
    'hrefFor',
    'signatoryLimit',
    'budget',
    'hasControls',
    'signatoryDisclosure',
    // src/chunked-render.ts
    'cut',
    'growing',
  ].join('|')})$`,
);

/** Dependencies an npm consumer installs once and shares: left out of the npm and CLI builds. */
const dependencies = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^valibot($|\/)/, /^node:/];

/**
 * Three builds from one source, chosen by `--mode`:
 * - (default) `dist/open-letter.js`: the one self-contained file a webmaster's script tag loads;
 * - `npm`: `dist/npm/`, ES modules with the dependencies left as imports, for bundlers;
 * - `cli`: `dist/cli.js`, the campaign authors' command line (Node), run by `bin/open-letter.js`.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'npm') {
    return {
      plugins: [stylesheet()],
      build: {
        target: 'es2022',
        outDir: 'dist/npm',
        emptyOutDir: true,
        minify: false,
        // limits.js is an entry of its own so that build scripts (the size report) can read every limit.
        lib: {
          entry: { index: 'src/index.ts', 'open-letter': 'src/open-letter.ts', limits: 'src/limits.ts' },
          formats: ['es'],
        },
        rolldownOptions: { external: dependencies, output: { preserveModules: true, preserveModulesRoot: 'src' } },
      },
    };
  }
  if (mode === 'cli') {
    return {
      build: {
        target: 'node20',
        outDir: 'dist',
        emptyOutDir: false,
        ssr: 'src/cli/main.ts',
        minify: false,
        rolldownOptions: { external: dependencies, output: { entryFileNames: 'cli.js' } },
      },
    };
  }
  return {
    plugins: [
      campaignJsonSchema(),
      stylesheet(),
      withoutUnusedLibraryCode(),
      startsOrSaysWhy(),
      demoAtRoot(),
      // Lit's html`` templates keep their indentation unless minified. Whitespace is collapsed
      // to one space, never removed: a template such as ` (PDF)` or `<span> · </span>` is
      // inline text, and the minifier cannot know what stands beside it (7 B gzip).
      { ...minifyTemplateLiterals({ options: { minifyOptions: { conservativeCollapse: true } } }), apply: 'build' },
    ],
    server: { port: 5173 },
    build: {
      target: 'es2022',
      // Not library mode: library mode keeps every /* @__PURE__ */ annotation in
      // the output, which costs about 0.1 KB gzip.
      rolldownOptions: {
        input: 'src/open-letter-define.ts',
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          entryFileNames: 'open-letter.js',
          codeSplitting: false,
        },
      },
      minify: 'terser',
      // Three passes: about 0.3 KB gzip smaller than the default minifier on this code. Unused
      // parameters go (15 B gzip): nothing in the file reads a function's `length`.
      terserOptions: {
        module: true,
        ecma: 2020,
        compress: { passes: 3, pure_getters: true, keep_fargs: false },
        mangle: { properties: { regex: internalProperties } },
      },
      // The map is written, but not referenced from the file every visitor downloads.
      sourcemap: 'hidden',
    },
  };
});
