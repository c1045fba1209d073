import { neonConfig } from '@neondatabase/serverless';

/**
 * Every database request gets a deadline. Without one, an endpoint that accepts the connection and never
 * answers holds the request (and the client) for as long as the platform lets it run. The deadline covers
 * the whole exchange, body included: the answer is read here, inside the deadline, so the driver only ever
 * sees a complete response or a failed fetch (which it reports as a connection error: 503 upstream).
 *
 * Neon's driver takes one global fetch function; each database passes its deadline through `fetchOptions`
 * (`neon(url, { fetchOptions: deadlineOption(ms) })`), so different configurations keep different deadlines.
 */
const DEADLINE = 'identsphereDeadlineMs';

export function deadlineOption(ms: number): Record<string, number> {
  return { [DEADLINE]: ms };
}

export async function fetchWithDeadline(input: RequestInfo | URL, init: RequestInit & Record<string, unknown> = {}): Promise<Response> {
  const { [DEADLINE]: ms, ...rest } = init;
  if (typeof ms !== 'number') return fetch(input, rest);
  const signal = AbortSignal.timeout(ms);
  const res = await fetch(input, { ...rest, signal });
  const body = await res.arrayBuffer();
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

neonConfig.fetchFunction = fetchWithDeadline;
