// This package's tests run alone (`npm test -w @identsphere/neon-local`); the root `npm test` runs them too,
// through vitest.node.config.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // `*.pg.test.ts` need a PostgreSQL server of their own (terminated backends): run when IDENTSPHERE_TEST_DATABASE_URL is set.
    exclude: process.env.IDENTSPHERE_TEST_DATABASE_URL ? [] : ['test/**/*.pg.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
