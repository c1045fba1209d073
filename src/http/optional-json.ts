import type { Context } from 'hono';
import type { z } from 'zod';
import { parseJson } from './request.ts';
import type { AppEnv } from './types.ts';

/** For routes whose body is optional (e.g. DELETE with an optional password): no body means `{}`. */
export async function parseOptionalJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const length = c.req.header('content-length');
  const chunked = c.req.header('transfer-encoding') !== undefined;
  if (!chunked && (length === undefined || length === '0') && !c.req.header('content-type')) return schema.parse({});
  return parseJson(c, schema);
}
