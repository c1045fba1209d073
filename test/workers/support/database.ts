// Direct SQL for assertions through the same Neon HTTP driver the Worker uses (never a mock of our database
// layer), and a stand-in at that driver's fetch boundary.
import { neon, neonConfig } from '@neondatabase/serverless';
// The Worker's driver module, loaded before any test: the Worker loads it on its first statement, and its
// fetch function (the deadline) must be in place before an interception below replaces it, not after.
import '../../../src/db/neon-driver.ts';
import { testEnv } from './worker.ts';

neonConfig.fetchEndpoint = (host, port) => `http://${host}:${port}/sql`;

/** One HTTP request of the Neon driver: a statement, or a batch (`batch: true`) of several. */
export interface DatabaseRequest {
  statements: string[];
  batch: boolean;
  /** False when `answer` replaced the response. */
  forwarded: boolean;
}

/** The registration batch (it inserts the user): the write tests pick to hold, fail or count. */
export const writesUser = (r: DatabaseRequest): boolean => r.batch && r.statements.some((s) => /^insert into "[^"]+"\."users"/.test(s));

/**
 * Stands in at the Neon driver's fetch boundary (every database round trip is one HTTP request, the test's
 * own `sql` included): `answer` may return a Response (or throw, a lost connection) instead of letting the
 * request through to the database, or a promise of either (the request waits: a gate holding a request
 * mid-flight). Records every request. Call `restore()` when done.
 */
export function interceptDatabase(
  answer: (request: DatabaseRequest) => Response | undefined | Promise<Response | undefined> = () => undefined,
) {
  const previous = neonConfig.fetchFunction as typeof fetch | undefined;
  const requests: DatabaseRequest[] = [];
  neonConfig.fetchFunction = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body)) as { query?: string; queries?: { query: string }[] };
    const request = { statements: body.queries ? body.queries.map((q) => q.query) : [body.query!], batch: !!body.queries, forwarded: true };
    requests.push(request);
    const pass = (fake: Response | undefined) => {
      request.forwarded = !fake;
      return fake ? Promise.resolve(fake) : (previous ?? fetch)(input, init);
    };
    const fake = answer(request);
    return fake instanceof Promise ? fake.then(pass) : pass(fake);
  };
  return {
    requests,
    restore() {
      neonConfig.fetchFunction = previous;
    },
  };
}
const rawSql = neon(testEnv.DATABASE_URL);

/** Direct SQL for assertions. `$schema` in the text is replaced by the quoted test schema. */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await rawSql.query(text.replaceAll('$schema', `"${testEnv.IDENTSPHERE_SCHEMA}"`), params)) as T[];
}
