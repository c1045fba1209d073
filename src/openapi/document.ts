// OpenAPI 3.1 for the whole API, built from the same zod schemas the routes validate with (request bodies)
// so it cannot drift; a test checks that every served route is documented and every documented one served.
import * as z from 'zod';
import { ERROR_CODES } from '../lib/errors.ts';
import { OPERATIONS, type Operation } from './operations.ts';

const ErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [string, ...string[]]),
    message: z.string(),
    request_id: z.string(),
    details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
  }),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]+)/g, '{$1}');
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Accepted by every state-changing operation (src/features/idempotency/idempotency.middleware.ts). */
const IdempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the ' +
    'signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with ' +
    '`Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key ' +
    'with another request: 422 `idempotency_key_reused`; while the first is still running: 409 ' +
    '`idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7e]+$' },
};

function operationObject(op: Operation) {
  const params = [...op.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({ name: m[1]!, in: 'path', required: true, schema: { type: 'string' } }));
  const query = op.query
    ? Object.entries(jsonSchema(op.query, 'input').properties as Record<string, unknown>).map(([name, schema]) => ({
        name,
        in: 'query',
        required: ((jsonSchema(op.query!, 'input').required as string[] | undefined) ?? []).includes(name),
        schema,
      }))
    : [];
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema, 'output') } } } : {}),
    };
  }
  responses.default = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    operationId: op.id,
    summary: op.summary,
    tags: [op.tag],
    ...(op.auth ? { security: [{ session: [] }] } : {}),
    ...(params.length || query.length || STATE_CHANGING.has(op.method)
      ? { parameters: [...params, ...query, ...(STATE_CHANGING.has(op.method) ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : [])] }
      : {}),
    ...(op.body
      ? { requestBody: { required: op.bodyRequired ?? true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } }
      : {}),
    ...(op.rawBody ? { requestBody: { required: true, content: { [op.rawBody]: { schema: { type: 'string', format: 'binary' } } } } } : {}),
    responses,
  };
}

let cached: Record<string, unknown> | undefined;

/** Built once per isolate. */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const key = toOpenApiPath(op.path);
    paths[key] ??= {};
    paths[key][op.method.toLowerCase()] = operationObject(op);
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'IdentSphere',
      version: '1',
      description:
        'Authentication as one Cloudflare Worker. Errors are always {"error":{"code","message","request_id"}}. ' +
        'State-changing requests from browsers must come from an allowed Origin and carry JSON.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
      parameters: { IdempotencyKey },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'identsphere_session', description: '__Host-identsphere_session when cookies are Secure' } },
    },
  };
  return cached;
}
