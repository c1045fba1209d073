/** The closed map of error codes: every error a client can see is one of these, with its HTTP status. */
export const ERROR_CODES = {
  invalid_json: 400,
  invalid_request: 400,
  invalid_token: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  csrf: 403,
  forbidden: 403,
  invalid_password: 403,
  not_found: 404,
  method_not_allowed: 405,
  email_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  password_breached: 422,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
  misconfigured: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  invalid_json: 'The request body is not valid JSON.',
  invalid_request: 'The request is invalid.',
  invalid_token: 'This link is invalid, has expired or was already used.',
  unauthorized: 'Authentication required.',
  invalid_credentials: 'Invalid email or password.',
  invalid_code: 'The code is invalid or has expired.',
  csrf: 'Cross-site request refused.',
  forbidden: 'You are not allowed to do this.',
  invalid_password: 'The current password is incorrect.',
  not_found: 'Not found.',
  method_not_allowed: 'Method not allowed.',
  email_taken: 'An account with this email already exists.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Unsupported content type.',
  password_breached: 'This password appears in a known data breach. Choose another one.',
  rate_limited: 'Too many requests. Try again later.',
  internal: 'Internal error.',
  service_unavailable: 'A dependency is unavailable. Nothing was changed; try again shortly.',
  misconfigured: 'The service is misconfigured and refuses to serve. The operator has been told why in the logs.',
};

export interface ErrorDetail {
  field?: string;
  message: string;
}

/** The one error class services and handlers throw. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: ErrorDetail[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { details?: ErrorDetail[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message ?? DEFAULT_MESSAGES[code], { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.details = options.details;
    this.headers = options.headers;
  }
}

/** The JSON body of every error response. */
export function errorBody(err: ApiError, requestId: string) {
  return {
    error: {
      code: err.code,
      message: err.message,
      request_id: requestId,
      ...(err.details ? { details: err.details } : {}),
    },
  };
}
