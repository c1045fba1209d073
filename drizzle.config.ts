import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit migrate` applies drizzle/ to DATABASE_URL in the default schema `identsphere`.
// For another IDENTSPHERE_SCHEMA use `npx identsphere migrate up`, which renames the schema as it applies.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  schemaFilter: ['identsphere'],
  migrations: { schema: 'identsphere', table: '__drizzle_migrations' },
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
});
