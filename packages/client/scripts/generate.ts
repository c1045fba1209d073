// Writes src/generated/openapi.ts from the OpenAPI document built in Node: `npm run generate -w @identsphere/client`.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

// The Worker imports its WebAssembly as modules (wrangler's convention); Node needs them compiled the same way.
registerHooks({
  load(url, context, nextLoad) {
    if (!url.endsWith('.wasm')) return nextLoad(url, context);
    return {
      format: 'module',
      shortCircuit: true,
      source: `import { readFileSync } from 'node:fs';\nexport default new WebAssembly.Module(readFileSync(new URL(${JSON.stringify(url)})));\n`,
    };
  },
});

const { GENERATED_FILE, generateTypes } = await import('./openapi-types.ts');
writeFileSync(GENERATED_FILE, await generateTypes());
console.log(`wrote ${GENERATED_FILE.pathname}`);
