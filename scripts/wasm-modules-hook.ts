// The Worker imports its WebAssembly as modules (wrangler's convention); a Node script that imports Worker code
// (the route manifest, the SDK's OpenAPI types) needs them compiled the same way. Import this module first.
import { registerHooks } from 'node:module';

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
