import { loggableError } from '../db/errors.ts';
import { log } from '../platform/log.ts';
import type { AppContext } from './types.ts';

/**
 * Runs `work` after the response (executionCtx.waitUntil): the answer neither waits for it nor depends on
 * its outcome. A failure is logged with the request id — never thrown at a client that has its answer.
 */
export function runInBackground(c: AppContext, task: string, work: () => Promise<unknown>): void {
  const requestId = c.var.requestId;
  const promise = work().catch((err: unknown) => {
    log('error', 'background task failed', {
      request_id: requestId,
      task,
      ...loggableError(err),
    });
  });
  try {
    c.executionCtx.waitUntil(promise);
  } catch {
    // No execution context (Hono's app.request() outside a Worker): the task runs all the same, unawaited.
  }
}
