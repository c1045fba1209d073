// Starts the local Neon-HTTP endpoint (PGlite in memory, or the PostgreSQL server named by
// IDENTSPHERE_TEST_DATABASE_URL), applies the migrations, and hands the Worker its connection string.

import { randomBytes } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { startNeonLocal } from '@identsphere/neon-local';
import argon2 from 'argon2';
import type { TestProject } from 'vitest/node';
import { migrateUp } from '../src/cli/migrate.ts';
import { startOidcProvider } from './oidc-provider-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    schema: string;
    /**
     * A second schema, migrated like the first, for tests of platform-wide state that other test files would
     * disturb (the last-admin guard counts every administrator in the schema).
     */
    adminsSchema: string;
    argon2Vectors: { password: string; salt: string; m: number; t: number; p: number; phc: string }[];
    /** The local OpenID provider (test/oidc-provider-server.ts); tests configure it as `local-oidc`. */
    oidcIssuer: string;
    oidcClientId: string;
    oidcClientSecret: string;
    /** Its second client, `local-oidc-encoded`, whose secret contains `+`, `/` and `=`. */
    oidcEncodedClientId: string;
    oidcEncodedClientSecret: string;
    /** A TCP port that accepts connections and never answers (a hung database). */
    blackHolePort: number;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.IDENTSPHERE_TEST_DATABASE_URL;
  const neon = await startNeonLocal({ databaseUrl: serverUrl, port: 0 });
  // On a shared server each run gets its own schema (which also exercises a non-default IDENTSPHERE_SCHEMA).
  const schema = serverUrl ? `identsphere_test_${process.pid}` : 'identsphere';
  if (serverUrl) await neon.backend.query(`drop schema if exists "${schema}" cascade`, []);
  await migrateUp(neon.backend, schema);
  const adminsSchema = `${schema}_admins`;
  if (serverUrl) await neon.backend.query(`drop schema if exists "${adminsSchema}" cascade`, []);
  await migrateUp(neon.backend, adminsSchema);
  project.provide('databaseUrl', `postgres://identsphere:local@127.0.0.1:${neon.port}/identsphere`);
  project.provide('schema', schema);
  project.provide('adminsSchema', adminsSchema);
  project.provide('argon2Vectors', await nativeArgon2Vectors());
  const oidc = await startOidcProvider('http://localhost:8787/v1/auth/oauth');
  project.provide('oidcIssuer', oidc.issuer);
  project.provide('oidcClientId', oidc.clientId);
  project.provide('oidcClientSecret', oidc.clientSecret);
  project.provide('oidcEncodedClientId', oidc.encoded.clientId);
  project.provide('oidcEncodedClientSecret', oidc.encoded.clientSecret);
  const blackHole = await startBlackHole();
  project.provide('blackHolePort', blackHole.port);
  console.log(
    `[test] database: ${serverUrl ? `PostgreSQL ${serverUrl.replace(/\/\/[^@]*@/, '//')}` : 'PGlite (in memory)'}, schema ${schema}`,
  );
  return async () => {
    if (serverUrl) {
      await neon.backend.query(`drop schema if exists "${schema}" cascade`, []);
      await neon.backend.query(`drop schema if exists "${adminsSchema}" cascade`, []);
    }
    await neon.close();
    await oidc.close();
    await blackHole.close();
  };
}

/** Hashes made by the native argon2 library (node-argon2, the reference C implementation). */
async function nativeArgon2Vectors() {
  const cases = [
    { password: 'correct horse battery staple', m: 19456, t: 2, p: 1 },
    { password: 'pässwörd ✓ 🔐 unicode', m: 19456, t: 2, p: 1 },
    { password: 'x'.repeat(128), m: 19456, t: 2, p: 1 },
    { password: 'older-params', m: 4096, t: 3, p: 1 },
    { password: 'two lanes', m: 8192, t: 2, p: 2 },
    { password: 'four lanes, one pass', m: 2048, t: 1, p: 4 },
  ];
  return Promise.all(
    cases.map(async (c) => {
      const salt = randomBytes(16);
      const phc = await argon2.hash(c.password, {
        type: argon2.argon2id,
        memoryCost: c.m,
        timeCost: c.t,
        parallelism: c.p,
        salt,
        hashLength: 32,
      });
      return { ...c, salt: salt.toString('base64').replace(/=+$/, ''), phc };
    }),
  );
}

/** Accepts TCP connections, reads whatever arrives, never writes a byte: a database endpoint that hangs. */
async function startBlackHole() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
