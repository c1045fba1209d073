import { loggableError } from '../db/errors.ts';
import type { Later } from '../features/sessions/sessions.ts';
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

/**
 * runInBackground bound to this request: the `Later` a service takes to defer work (e.g. validateSession).
 * The work starts on a later turn of the event loop, once the handler has its answer: its database round
 * trips then never overlap those the user waits for.
 */
export function backgroundOf(c: AppContext): Later {
  return (task, work) => runInBackground(c, task, () => new Promise((resolve) => setTimeout(resolve, 0)).then(work));
}
