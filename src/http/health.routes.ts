import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from './types.ts';
import { ApiError } from '../lib/errors.ts';
import { log } from '../platform/log.ts';
import { loggableError } from '../db/errors.ts';

export const healthRoutes = new Hono<AppEnv>()
  .get('/health', (c) => c.json({ status: 'ok' }))
  .get('/health/ready', async (c) => {
    try {
      await c.var.deps.db.execute(sql`select 1`);
    } catch (err) {
      log('error', 'readiness: database unreachable', loggableError(err));
      throw new ApiError('service_unavailable', 'The database is unreachable.');
    }
    return c.json({ status: 'ready', database: 'ok' });
  });
