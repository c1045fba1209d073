// PGlite backend. PGlite is one Postgres session, so every use of it goes through one FIFO lock and a
// transaction holds the lock from BEGIN to COMMIT/ROLLBACK. Statements are sent as raw wire-protocol
// messages (Parse/Bind/Describe/Execute/Sync) so that the reply keeps Postgres's text values and the
// full RowDescription (table OID, column number, type size and modifier), which PGlite's query() drops.
import { mkdir } from 'node:fs/promises';
import { PGlite, protocol } from '@electric-sql/pglite';
import {
  beginStatement,
  createMutex,
  type FieldInfo,
  paramsToText,
  parseCommandTag,
  pgError,
  type QueryFn,
  type QueryResult,
  type SqlBackend,
  type TransactionOptions,
  toFieldInfo,
} from './backend.ts';

const wire = protocol.serialize;

interface Reply {
  fields: FieldInfo[];
  rows: (string | null)[][];
  tag: string | null;
  /** ReadyForQuery status: 'I' idle, 'T' in a transaction, 'E' in a failed transaction. */
  status: string;
  error: Error | undefined;
}

type WireField = Omit<FieldInfo, 'format'>;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function openPgliteBackend(dataDir?: string): Promise<SqlBackend> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const exclusive = createMutex();
  let closed = false;
  let inTransaction = false;

  async function send(message: Uint8Array): Promise<Reply> {
    if (closed) throw new Error('neon-local: the PGlite backend is closed');
    const messages = await db.execProtocolStream(message, { throwOnError: false, syncToFs: !inTransaction });
    const reply: Reply = { fields: [], rows: [], tag: null, status: 'I', error: undefined };
    for (const m of messages as unknown as { name: string }[]) {
      if (m.name === 'rowDescription') {
        reply.fields = (m as unknown as { fields: WireField[] }).fields.map(toFieldInfo);
      } else if (m.name === 'dataRow') {
        reply.rows.push((m as unknown as { fields: (string | null)[] }).fields);
      } else if (m.name === 'commandComplete') {
        reply.tag = (m as unknown as { text: string }).text;
      } else if (m.name === 'readyForQuery') {
        reply.status = (m as unknown as { status: string }).status;
      } else if (m.name === 'error' && !reply.error) {
        reply.error = m as unknown as Error;
      }
    }
    return reply;
  }

  async function extended(sql: string, params?: readonly unknown[]): Promise<Reply> {
    return send(
      concat([
        wire.parse({ text: sql }),
        wire.bind({ values: paramsToText(params) }),
        wire.describe({ type: 'P' }),
        wire.execute({}),
        wire.sync(),
      ]),
    );
  }

  /** Simple-protocol script; returns the last command tag. */
  async function simple(sql: string): Promise<Reply> {
    return send(wire.query(sql));
  }

  function toResult(reply: Reply): QueryResult {
    if (reply.error) throw reply.error;
    return { ...parseCommandTag(reply.tag), fields: reply.fields, rows: reply.rows };
  }

  // Neon's proxy discards a pooled connection left inside a transaction; with one shared session the
  // equivalent is to roll the stray transaction back so that it cannot leak into the next request.
  async function settle(reply: Reply): Promise<Reply> {
    if (reply.status !== 'I') await simple('ROLLBACK');
    return reply;
  }

  const query: QueryFn = (sql, params) => exclusive(async () => toResult(await settle(await extended(sql, params))));

  async function transaction<T>(fn: (q: QueryFn) => Promise<T>, opts?: TransactionOptions): Promise<T> {
    return exclusive(async () => {
      const begin = await simple(beginStatement(opts));
      if (begin.error) {
        await settle(begin);
        throw begin.error;
      }
      inTransaction = true;
      let open = true;
      const q: QueryFn = async (sql, params) => {
        if (!open) throw new Error('neon-local: query on a finished transaction');
        return toResult(await extended(sql, params));
      };
      try {
        const value = await fn(q);
        open = false;
        inTransaction = false;
        const commit = await simple('COMMIT');
        if (commit.error) throw commit.error;
        if (commit.tag === 'ROLLBACK') throw pgError('Transaction was rolled back instead of committed', '25P02');
        return value;
      } catch (e) {
        open = false;
        inTransaction = false;
        await simple('ROLLBACK');
        throw e;
      }
    });
  }

  return {
    kind: 'pglite',
    query,
    transaction,
    exec: (sql) =>
      exclusive(async () => {
        const reply = await settle(await simple(sql));
        if (reply.error) throw reply.error;
      }),
    close: () =>
      exclusive(async () => {
        if (closed) return;
        closed = true;
        await db.close();
      }),
  };
}
