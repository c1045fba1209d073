import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable, isDataException, isForeignKeyViolation, isRetryableConflict } from '../db/errors.ts';
import { ApiError, type ErrorCode } from '../lib/errors.ts';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Maps anything thrown to the closed error model (rendered by app.ts onError): no stack trace or internal message reaches a client. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isDatabaseUnavailable(err)) return new ApiError('service_unavailable', undefined, { cause: err });
  // Backstop for input the route schemas let through (a value Postgres cannot store or parse): the client's fault.
  if (isDataException(err)) return new ApiError('invalid_request', undefined, { cause: err });
  // Lost races, never 500: a deadlock still there after the central retries, or a row referenced by this
  // request's writes deleted by a concurrent one (e.g. the account). Nothing was written; the client may retry.
  if (isRetryableConflict(err) || isForeignKeyViolation(err)) return new ApiError('conflict', undefined, { cause: err });
  if (err instanceof HTTPException) return new ApiError(STATUS_CODES[err.status] ?? 'internal', undefined, { cause: err });
  return new ApiError('internal', undefined, { cause: err });
}
