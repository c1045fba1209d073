import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod';
import { loggableError } from '../db/errors.ts';
import { ApiError } from '../lib/errors.ts';
import { log } from '../platform/log.ts';
import { describeRoute } from './route-contract.ts';
import type { AppEnv } from './types.ts';

const Alive = z.strictObject({ status: z.literal('ok') });
const Ready = z.strictObject({ status: z.literal('ready'), database: z.literal('ok') });

export const healthRoutes = new Hono<AppEnv>()
  .get(
    '/health',
    describeRoute({
      operationId: 'health',
      summary: 'Liveness',
      tag: 'operations',
      auth: false,
      responses: { 200: { description: 'Alive', schema: Alive } },
      errors: [],
    }),
    (c) => c.json({ status: 'ok' } satisfies z.input<typeof Alive>),
  )
  .get(
    '/health/ready',
    describeRoute({
      operationId: 'ready',
      summary: 'Readiness: 503 when the database does not answer',
      tag: 'operations',
      auth: false,
      responses: { 200: { description: 'Ready', schema: Ready } },
      errors: ['service_unavailable'],
    }),
    async (c) => {
      try {
        await c.var.deps.db.execute(sql`select 1`);
      } catch (err) {
        log('error', 'readiness: database unreachable', loggableError(err));
        throw new ApiError('service_unavailable', 'The database is unreachable.');
      }
      return c.json({ status: 'ready', database: 'ok' } satisfies z.input<typeof Ready>);
    },
  );
