// OpenAPI 3.1 for the whole API, built from the contracts the routes declare beside their handlers
// (src/http/route-contract.ts): the same zod schemas the handlers validate with and answer with. A test checks
// that every served route is documented and every documented one served, and the auth flags and response
// shapes against the running Worker.
import * as z from 'zod';
import { CAPTCHA_HEADER } from '../http/captcha.ts';
import { SESSION_COOKIE_NAMES } from '../http/cookies.ts';
import { type ResponseContract, type RouteContract, routeContract } from '../http/route-contract.ts';
import { SESSION_TRANSPORT_HEADER } from '../http/session-credential.ts';
import { ERROR_CODES, type ErrorCode } from '../lib/errors.ts';

/** A row of Hono's route table (`app.routes`). */
export interface RouteEntry {
  method: string;
  path: string;
  handler: unknown;
}

/** A documented operation: where it is served and what it declares. */
export interface DocumentedRoute {
  method: string;
  /** OpenAPI syntax ({param}). */
  path: string;
  contract: RouteContract;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Set by app.route() when the parent app has its own error handler: the route's own handler. */
const COMPOSED_HANDLER = '__COMPOSED_HANDLER';

/** Every route of the table that declares a contract (middleware rows of the same route carry none). */
export function documentedRoutes(routes: readonly RouteEntry[]): DocumentedRoute[] {
  const found: DocumentedRoute[] = [];
  for (const route of routes) {
    const handler = route.handler as Record<string, unknown> | undefined;
    const contract = routeContract(handler?.[COMPOSED_HANDLER] ?? handler);
    if (!contract) continue;
    const path = (route.path.length > 1 ? route.path.replace(/\/$/, '') : route.path).replace(/:([A-Za-z_]+)/g, '{$1}');
    found.push({ method: route.method, path, contract });
  }
  return found;
}

/** The codes every operation of its kind can answer, besides those it declares. */
export function impliedErrors(method: string, contract: RouteContract): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (contract.auth) codes.push('unauthorized');
  if (contract.apiKeyScope) codes.push('forbidden', 'rate_limited');
  if (contract.body) codes.push('invalid_json', 'invalid_request', 'unsupported_media_type', 'payload_too_large');
  if (contract.rawBody) codes.push('payload_too_large');
  if (contract.query) codes.push('invalid_request');
  if (contract.captcha) codes.push('captcha_required', 'captcha_invalid', 'captcha_unavailable');
  if (STATE_CHANGING.has(method)) codes.push('csrf', 'idempotency_key_in_progress', 'idempotency_key_reused');
  // Any request with both a bearer token and a session cookie (src/http/session-credential.ts).
  codes.push('ambiguous_credentials', 'internal', 'service_unavailable', 'misconfigured');
  return codes;
}

/** Named schemas (`.meta({ id })`, e.g. User, SignedIn) found while converting; they become components. */
let named: Record<string, unknown> = {};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  const text = JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $schema: _, $defs, ...rest } = JSON.parse(text) as Record<string, unknown>;
  Object.assign(named, $defs);
  return rest;
}

const plainString = { schema: { type: 'string' } };

const HEADERS = {
  'Retry-After': { description: 'Whole seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
  set: {
    description:
      `Sets the session cookie: \`${SESSION_COOKIE_NAMES.secure}\` in production (Secure, host-only; ` +
      `\`${SESSION_COOKIE_NAMES.plain}\` when cookies are not Secure or share a Domain), HttpOnly, SameSite=Lax (or as IDENTSPHERE_COOKIE_SAMESITE sets it), Path=/. ` +
      `Not with \`${SESSION_TRANSPORT_HEADER}: bearer\` (no Set-Cookie at all then).`,
    ...plainString,
  },
  clear: {
    description: `Deletes the session cookie (\`${SESSION_COOKIE_NAMES.secure}\` in production); not for a bearer request.`,
    ...plainString,
  },
};

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

/** Accepted by every sign-in (respondSession in src/features/sign-in/sign-in.http.ts). */
const SessionTransport = {
  name: SESSION_TRANSPORT_HEADER,
  in: 'header',
  required: false,
  description:
    'Native apps, which cannot keep cookies: `bearer` answers a successful sign-in with the session token as ' +
    '`session_token` in the body and sets no cookie at all; send it as `Authorization: Bearer <session_token>`. ' +
    'Absent (or any other value): the session cookie. A pending MFA sign-in (`mfa_required`) carries no session ' +
    'either way: send the header again with POST /v1/auth/mfa/challenge.',
  schema: { type: 'string', enum: ['bearer', 'cookie'] },
};

const TurnstileToken = {
  name: CAPTCHA_HEADER,
  in: 'header',
  required: false,
  description:
    'Only when the operator set IDENTSPHERE_TURNSTILE_SECRET: the Cloudflare Turnstile token of a solved challenge ' +
    '(or send it as `turnstile_token` in the body). Missing: 400 `captcha_required`; refused: 400 `captcha_invalid`; ' +
    'siteverify unreachable: 503 `captcha_unavailable` (fail closed, nothing changed).',
  schema: { type: 'string', maxLength: 2048 },
};

function successResponse(r: ResponseContract) {
  return {
    description: r.description,
    ...(r.sessionCookie ? { headers: { 'Set-Cookie': HEADERS[r.sessionCookie] } } : {}),
    ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema, 'output') } } } : {}),
  };
}

/**
 * One response per error status, listing the codes it carries (the Error schema, its code narrowed). Each
 * distinct status + codes answer is a component (`400-invalid_json-invalid_request`), shared by reference.
 */
function errorResponses(codes: ErrorCode[], shared: Record<string, unknown>) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(ERROR_CODES[code], [...(byStatus.get(ERROR_CODES[code]) ?? []), code]);
  const responses: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const name = [status, ...list.sort()].join('-');
    shared[name] ??= {
      description: list.map((code) => `\`${code}\``).join(', '),
      ...(status === 429 ? { headers: { 'Retry-After': HEADERS['Retry-After'] } } : {}),
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/Error', properties: { error: { properties: { code: { enum: list } } } } },
        },
      },
    };
    responses[status] = { $ref: `#/components/responses/${name}` };
  }
  return responses;
}

function operationObject(method: string, path: string, op: RouteContract, shared: Record<string, unknown>) {
  const params = [...path.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => ({
    name: m[1]!,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const querySchema = op.query ? jsonSchema(op.query, 'input') : undefined;
  const query = querySchema
    ? Object.entries(querySchema.properties as Record<string, unknown>).map(([name, schema]) => ({
        name,
        in: 'query',
        required: ((querySchema.required as string[] | undefined) ?? []).includes(name),
        schema,
      }))
    : [];
  const stateChanging = STATE_CHANGING.has(method);
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(op.responses)) responses[status] = successResponse(r);
  Object.assign(responses, errorResponses([...op.errors, ...impliedErrors(method, op)], shared));
  responses.default = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: [op.tag],
    // Either credential, never both (400 `ambiguous_credentials`).
    ...(op.auth ? { security: [{ session: [] }, { bearer: [] }, ...(op.apiKeyScope ? [{ apiKey: [op.apiKeyScope] }] : [])] } : {}),
    ...(params.length || query.length || stateChanging || op.sessionTransport || op.captcha
      ? {
          parameters: [
            ...params,
            ...query,
            ...(stateChanging ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
            ...(op.sessionTransport ? [{ $ref: '#/components/parameters/SessionTransport' }] : []),
            ...(op.captcha ? [{ $ref: '#/components/parameters/TurnstileToken' }] : []),
          ],
        }
      : {}),
    ...(op.body
      ? { requestBody: { required: op.bodyRequired ?? true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } }
      : {}),
    ...(op.rawBody ? { requestBody: { required: true, content: { [op.rawBody]: { schema: { type: 'string', format: 'binary' } } } } } : {}),
    responses,
  };
}

let cached: Record<string, unknown> | undefined;

/** Built on first use, once per isolate (nothing of it runs at start-up). */
export function openApiDocument(routes: readonly RouteEntry[]): Record<string, unknown> {
  if (cached) return cached;
  named = {};
  const ErrorBody = z.object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [string, ...string[]]),
      message: z.string(),
      request_id: z.string(),
      details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
    }),
  });
  const paths: Record<string, Record<string, unknown>> = {};
  const errorAnswers: Record<string, unknown> = {};
  for (const { method, path, contract } of documentedRoutes(routes)) {
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = operationObject(method, path, contract, errorAnswers);
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
      schemas: { ...named, Error: jsonSchema(ErrorBody, 'output') },
      responses: errorAnswers,
      parameters: { IdempotencyKey, SessionTransport, TurnstileToken },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE_NAMES.secure,
          description: `\`${SESSION_COOKIE_NAMES.plain}\` when cookies are not Secure (local development) or share a Domain`,
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            `The same session as the cookie, for native apps: the \`session_token\` of a sign-in sent with ` +
            `\`${SESSION_TRANSPORT_HEADER}: bearer\`. Not with a session cookie in the same request (400 ` +
            '`ambiguous_credentials`); exempt from the Origin/JSON CSRF checks when the request carries no cookie at all, ' +
            'unless the operator set IDENTSPHERE_COOKIE_SAMESITE=none (then every state-changing request needs an allowed Origin).',
        },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'isk_…',
          description:
            'A server API key (`identsphere api-keys create`), accepted on /v1/admin only and within its scopes ' +
            '(the requirement lists the scope an operation needs). Platform administrators use their session instead.',
        },
      },
    },
  };
  return cached;
}
