// Audit retention: the Cron Trigger's `scheduled` handler deletes rows older than
// IDENTSPHERE_AUDIT_RETENTION_DAYS, in batches, and keeps everything newer.
import { describe, expect, it } from 'vitest';
import { RETENTION_BATCH_SIZE } from '../../../src/features/audit/audit-retention.ts';
import worker from '../../../src/index.ts';
import { clockedEnv, envWith, sql } from '../support/index.ts';

async function runCron(env: Parameters<NonNullable<typeof worker.scheduled>>[1]) {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (p: Promise<unknown>) => pending.push(p),
    passThroughOnException() {},
    props: {},
  } as unknown as ExecutionContext;
  await worker.scheduled({ cron: '17 3 * * *', scheduledTime: Date.now(), noRetry() {} } as ScheduledController, env, ctx);
  await Promise.all(pending);
}

describe('audit retention', () => {
  it('deletes rows older than the retention period in several batches, keeps newer ones', async () => {
    const { env } = clockedEnv(); // default retention: 365 days
    const marker = `retention-${crypto.randomUUID()}`;
    const old = RETENTION_BATCH_SIZE * 2 + 500;
    await sql(
      `insert into $schema.audit_logs (event, request_id, metadata, created_at)
       select 'test.old', $1, '{}', now() - interval '366 days' - (n || ' seconds')::interval from generate_series(1, $2::int) n`,
      [marker, old],
    );
    await sql(
      `insert into $schema.audit_logs (event, request_id, metadata, created_at) values ('test.recent', $1, '{}', now() - interval '364 days')`,
      [marker],
    );
    await runCron(env);
    const left = await sql<{ event: string }>('select event from $schema.audit_logs where request_id = $1', [marker]);
    expect(left).toEqual([{ event: 'test.recent' }]);
  });

  it('follows IDENTSPHERE_AUDIT_RETENTION_DAYS; 0 keeps everything', async () => {
    const marker = `retention-${crypto.randomUUID()}`;
    await sql(
      `insert into $schema.audit_logs (event, request_id, metadata, created_at) values ('test.a', $1, '{}', now() - interval '40 days'), ('test.b', $1, '{}', now() - interval '20 days')`,
      [marker],
    );
    await runCron(envWith({ IDENTSPHERE_AUDIT_RETENTION_DAYS: '0' }));
    expect(await sql('select 1 from $schema.audit_logs where request_id = $1', [marker])).toHaveLength(2);
    await runCron(envWith({ IDENTSPHERE_AUDIT_RETENTION_DAYS: '30' }));
    expect(await sql('select event from $schema.audit_logs where request_id = $1', [marker])).toEqual([{ event: 'test.b' }]);
  });
});
