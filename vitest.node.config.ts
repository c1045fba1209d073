// Node-side tests: the local Neon-HTTP endpoint, migrations, cross-checks with native libraries.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
