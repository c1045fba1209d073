import { isRetryableConflict } from './errors.ts';

/** Attempts after the first for a statement or batch that lost a deadlock or serialization conflict. */
export const CONFLICT_RETRIES = 3;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again (at most CONFLICT_RETRIES times, after a short jittered pause) when Postgres aborted it
 * with 40P01 (deadlock) or 40001 (serialization failure). Safe because every request to the HTTP endpoint is
 * one transaction (a statement, or a whole batch) and an aborted one wrote nothing; every batch is written
 * to be re-run (conditional statements, fresh reads inside the transaction).
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (err) {
      if (retry >= CONFLICT_RETRIES || !isRetryableConflict(err)) throw err;
      await pause((retry + 1) * 10 + Math.random() * 40);
    }
  }
}
