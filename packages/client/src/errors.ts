// Every failed call throws IdentSphereError with the API's error code (`{"error":{"code","message","request_id"}}`).
import type { components } from './generated/openapi.ts';

type ErrorBody = components['schemas']['Error']['error'];

/** The API's closed set of error codes (src/lib/errors.ts), as the OpenAPI document lists them. */
export type ErrorCode = ErrorBody['code'];

/** An answer that is not the API's error shape (a proxy's HTML page, an empty 502): no API code to carry. */
export type ClientErrorCode = ErrorCode | 'unexpected_response';

export class IdentSphereError extends Error {
  override readonly name = 'IdentSphereError';
  readonly code: ClientErrorCode;
  readonly status: number;
  /** The request id the API logged the request under (also in its X-Request-Id header); quote it in bug reports. */
  readonly requestId: string | undefined;
  /** Which fields an `invalid_request` refused, when it says. */
  readonly details: ErrorBody['details'];

  constructor(init: { code: ClientErrorCode; status: number; message: string; requestId?: string; details?: ErrorBody['details'] }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

function isErrorBody(body: unknown): body is { error: ErrorBody } {
  const error = (body as { error?: Partial<ErrorBody> } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** The error of a non-2xx answer, whose body openapi-fetch parsed (JSON) or kept as text. */
export function errorFromResponse(response: Response, body: unknown): IdentSphereError {
  if (isErrorBody(body)) {
    const { code, message, request_id, details } = body.error;
    return new IdentSphereError({ code, status: response.status, message, requestId: request_id, details });
  }
  return new IdentSphereError({
    code: 'unexpected_response',
    status: response.status,
    message: `Unexpected ${response.status} answer from the IdentSphere API.`,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}
