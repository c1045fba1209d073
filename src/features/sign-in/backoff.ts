/** Consecutive failures allowed before backoff starts; then 1, 2, 4, … seconds, capped. */
export const FREE_FAILURES = 3;
export const MAX_BACKOFF_SECONDS = 300;

/** The backoff after `failures` consecutive failures (0 while within the free ones). */
export function backoffSeconds(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(MAX_BACKOFF_SECONDS, 2 ** (failures - FREE_FAILURES - 1));
}
