// Integration tests: the real Worker inside workerd (@cloudflare/vitest-plugin), through the real Neon HTTP
// driver, against real Postgres (PGlite by default, a PostgreSQL server with IDENTSPHERE_TEST_DATABASE_URL).
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { templatesDir, writeOverrides } from './src/cli/email-templates.ts';
import { TEST_ENCRYPTION_KEY, TEST_JWT_SECRET } from './test/test-secrets.ts';

// The Worker under test bundles the test fixtures' template overrides (test/workers/email/email-templates.test.ts).
writeOverrides(templatesDir('test/fixtures/email-templates'));

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          IDENTSPHERE_ENV: 'test',
          DATABASE_URL: inject<string>('databaseUrl'),
          IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
          IDENTSPHERE_SCHEMA: inject<string>('schema'),
          IDENTSPHERE_JWT_SECRET: TEST_JWT_SECRET,
          IDENTSPHERE_PUBLIC_BASE_URL: 'http://localhost:8787',
          IDENTSPHERE_CORS_ORIGINS: 'http://app.localhost:5173',
          IDENTSPHERE_EMAIL_PROVIDER: 'memory',
          IDENTSPHERE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
        },
      },
    })),
  ],
  test: {
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/restore-mocks.ts'],
    include: ['test/workers/**/*.test.ts'],
    // The Worker logs a JSON line per request; show logs only for failing tests.
    silent: 'passed-only',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
