// A route's OpenAPI contract, declared beside its handler: `.post('/login', describeRoute({...}), handler)`.
// describeRoute is a pass-through middleware carrying the contract; src/openapi/document.ts finds it in the
// app's route table and builds the document from it on the first GET /v1/openapi.json. In-house rather than
// hono-openapi or @hono/zod-openapi: the contract is plain data, nothing converts schemas at start-up.
import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod';
import type { ErrorCode } from '../lib/errors.ts';
import type { AppEnv } from './types.ts';

export interface ResponseContract {
  description: string;
  schema?: z.ZodType;
  /** application/json unless said otherwise. */
  contentType?: string;
  /** `set`: this answer sets the session cookie (signed in); `clear`: it deletes it. */
  sessionCookie?: 'set' | 'clear';
}

export interface RouteContract {
  operationId: string;
  summary: string;
  tag: string;
  /** Needs a session (the cookie or `Authorization: Bearer`): answers 401 `unauthorized` without one. */
  auth: boolean;
  /**
   * An admin API operation: open to platform administrators' sessions and to server API keys holding this
   * scope (`Authorization: Bearer isk_…`); 403 `forbidden` for anyone else, rate limited.
   */
  apiKeyScope?: string;
  /**
   * Signs in through respondSession: honours `IdentSphere-Session-Transport: bearer` (`session_token` in the
   * body, no Set-Cookie) — documented as a header parameter.
   */
  sessionTransport?: true;
  /**
   * Behind the optional bot check (src/http/captcha.ts): documents the `cf-turnstile-response` header and the
   * captcha errors. The body schema carries the alternative `turnstile_token` field itself.
   */
  captcha?: true;
  /** A JSON body, validated with this schema (the one the handler parses with). */
  body?: z.ZodType;
  /** false for bodies read with parseOptionalJson (no body at all means `{}`). Default true. */
  bodyRequired?: boolean;
  /** A raw body of this media type instead of JSON. */
  rawBody?: string;
  query?: z.ZodObject;
  responses: Record<number, ResponseContract>;
  /**
   * The error codes the handler and its services can answer. Those that follow from the rest of the contract
   * are added by the document builder: `unauthorized` (auth), body and query validation, CSRF and
   * Idempotency-Key conflicts (state-changing methods), 5xx.
   */
  errors: ErrorCode[];
}

const CONTRACT = Symbol('route contract');

type Described = MiddlewareHandler<AppEnv> & { [CONTRACT]: RouteContract };

export function describeRoute(contract: RouteContract): MiddlewareHandler<AppEnv> {
  const middleware: MiddlewareHandler<AppEnv> = (_c, next) => next();
  return Object.assign(middleware, { [CONTRACT]: contract });
}

/** The contract a route-table handler carries, if it is a describeRoute middleware. */
export function routeContract(handler: unknown): RouteContract | undefined {
  return typeof handler === 'function' ? (handler as Partial<Described>)[CONTRACT] : undefined;
}
