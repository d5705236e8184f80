import { defineConfig, type Plugin } from 'vite';
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { campaignSchema, textJsonSchema, textSchema } from './src/campaign-schema.js';

/** Writes `dist/open-letter.schema.json` from the same schema the element checks with. */
function campaignJsonSchema(): Plugin {
  return {
    name: 'open-letter:campaign-json-schema',
    apply: 'build',
    generateBundle() {
      const schema = {
        $id: 'open-letter.schema.json',
        title: 'open-letter campaign, version 1',
        // v.check() refinements (a real calendar date, a non-empty translations
        // object) have no JSON Schema form; the element and the CLI still apply them.
        ...toJsonSchema(campaignSchema, {
          errorMode: 'ignore',
          // A text is checked by one predicate (v.custom); give it its JSON Schema form.
          overrideSchema: ({ valibotSchema }) => (valibotSchema === textSchema ? (textJsonSchema as JsonSchema) : undefined),
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

export default defineConfig({
  // Lit's html`` and css`` templates keep their indentation unless minified.
  plugins: [campaignJsonSchema(), demoAtRoot(), { ...minifyTemplateLiterals(), apply: 'build' }],
  server: { port: 5173 },
  build: {
    target: 'es2022',
    // A plain (not library-mode) build of one entry: library mode keeps every
    // /* @__PURE__ */ annotation in the output, which costs about 0.1 KB gzip.
    rolldownOptions: {
      input: 'src/index.ts',
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: 'open-letter.js',
        codeSplitting: false,
      },
    },
    minify: 'terser',
    // Three passes: about 0.3 KB gzip smaller than the default minifier on this code.
    terserOptions: { module: true, ecma: 2020, compress: { passes: 3, pure_getters: true } },
    // The map is written, but not referenced from the file every visitor downloads.
    sourcemap: 'hidden',
  },
});
