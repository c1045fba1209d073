import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * arctic 3.7.0 sends its token request with the global `fetch` and takes no fetch of its own. To keep every
 * call to a provider on `deps.fetch` (so tests fake providers at the fetch boundary, and one place sees all
 * outbound traffic), the global is wrapped once: inside `withFetch(f, …)` it calls `f`, everywhere else — and
 * in every other concurrent request of the isolate — it is the platform's fetch, untouched.
 */
const scope = new AsyncLocalStorage<typeof fetch>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const platformFetch = globalThis.fetch;
  globalThis.fetch = function scopedFetch(input: RequestInfo | URL, init?: RequestInit) {
    const injected = scope.getStore();
    if (!injected) return platformFetch(input, init);
    // Leave the scope before calling: an injected fetch that itself uses the global reaches the platform's.
    return scope.run(undefined as unknown as typeof fetch, () => injected(input, init));
  } as typeof fetch;
}

/** Runs `fn` with the global fetch routed to `f` (for libraries that call the global, like arctic). */
export function withFetch<T>(f: typeof fetch, fn: () => Promise<T>): Promise<T> {
  install();
  return scope.run(f, fn);
}
