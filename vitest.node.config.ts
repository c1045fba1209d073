// Node-side tests: migrations, the CLI, cross-checks with native libraries, and the workspace packages' tests
// (packages/neon-local: the local Neon-HTTP endpoint).
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** Imports `*.wasm` as a compiled WebAssembly.Module, as wrangler does for the Worker. */
const wasmModules: Plugin = {
  name: 'wasm-modules',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.wasm')) return null;
    const bytes = readFileSync(id).toString('base64');
    return `export default new WebAssembly.Module(Uint8Array.from(atob(${JSON.stringify(bytes)}), (c) => c.charCodeAt(0)));`;
  },
};

export default defineConfig({
  plugins: [wasmModules],
  test: {
    include: ['test/node/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // `*.pg.test.ts` need a PostgreSQL server of their own (parallel connections, terminated backends): they run
    // in the PostgreSQL pass (IDENTSPHERE_TEST_DATABASE_URL set; `.ci/run` always does one when a server answers).
    exclude: process.env.IDENTSPHERE_TEST_DATABASE_URL ? [] : ['**/*.pg.test.ts'],
    setupFiles: ['test/node/setup-workerd-crypto.ts', 'test/restore-mocks.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
