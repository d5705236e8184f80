import { defineConfig, type Plugin } from 'vite';
import { toJsonSchema } from '@valibot/to-json-schema';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { campaignSchema } from './src/campaign-schema.js';

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
        ...toJsonSchema(campaignSchema, { errorMode: 'ignore' }),
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
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'open-letter.js',
    },
    rolldownOptions: {
      output: {
        minify: true,
        codeSplitting: false,
      },
    },
    sourcemap: true,
  },
});
