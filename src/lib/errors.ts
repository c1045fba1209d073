/** The closed map of error codes: every error a client can see is one of these, with its HTTP status. */
export const ERROR_CODES = {
  invalid_json: 400,
  invalid_request: 400,
  invalid_token: 400,
  ambiguous_credentials: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  csrf: 403,
  forbidden: 403,
  invalid_password: 403,
  not_found: 404,
  method_not_allowed: 405,
  email_taken: 409,
  password_not_set: 409,
  reauthentication_required: 403,
  invitation_invalid: 400,
  invitation_email_mismatch: 403,
  already_member: 409,
  last_owner: 409,
  last_admin: 409,
  transfer_ownership_first: 409,
  invalid_image: 422,
  // MFA and passkeys
  invalid_mfa_token: 401,
  invalid_mfa_code: 401,
  mfa_already_enabled: 409,
  mfa_not_enabled: 409,
  conflict: 409,
  idempotency_key_in_progress: 409,
  idempotency_key_reused: 422,
  passkey_rejected: 400,
  invalid_redirect: 400,
  oauth_state_invalid: 400,
  oauth_denied: 400,
  oauth_exchange_failed: 400,
  oauth_id_token_invalid: 400,
  oauth_email_required: 400,
  oauth_account_exists: 409,
  identity_in_use: 409,
  last_sign_in_method: 409,
  account_disabled: 403,
  oauth_provider_unavailable: 503,
  payload_too_large: 413,
  unsupported_media_type: 415,
  password_breached: 422,
  captcha_required: 400,
  captcha_invalid: 400,
  captcha_unavailable: 503,
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
  ambiguous_credentials:
    'The request carries both a bearer session token and a session cookie. Send exactly one: Authorization: Bearer (native apps) or the cookie (browsers).',
  unauthorized: 'Authentication required.',
  invalid_credentials: 'Invalid email or password.',
  invalid_code: 'The code is invalid or has expired.',
  csrf: 'Cross-site request refused.',
  forbidden: 'You are not allowed to do this.',
  invalid_password: 'The current password is incorrect.',
  not_found: 'Not found.',
  method_not_allowed: 'Method not allowed.',
  email_taken: 'An account with this email already exists.',
  password_not_set: 'This account has no password. Set one with a password reset (forgot password).',
  reauthentication_required: 'Confirm your password (or sign in again) to do this.',
  invitation_invalid: 'This invitation is invalid, expired or already used.',
  invitation_email_mismatch: 'This invitation was sent to another email address.',
  already_member: 'Already a member of this organization.',
  last_owner: 'An organization needs an owner: make someone else owner first.',
  last_admin: 'This is the last platform administrator: grant the role to someone else first (identsphere admin grant).',
  transfer_ownership_first: 'You are the only owner of an organization with other members: transfer ownership first.',
  invalid_image: 'The image is malformed or its dimensions are out of bounds.',
  invalid_mfa_token: 'The MFA token is invalid, used up or expired. Sign in again.',
  invalid_mfa_code: 'The code is incorrect.',
  mfa_already_enabled: 'Two-factor authentication is already enabled.',
  mfa_not_enabled: 'Two-factor authentication is not enabled (or its setup was not started).',
  conflict: 'A concurrent change got there first. Try again.',
  idempotency_key_in_progress: 'A request with this Idempotency-Key is still being processed. Retry shortly with the same key.',
  idempotency_key_reused: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
  passkey_rejected: 'The passkey response could not be verified.',
  invalid_redirect: 'redirect_to must be the app URL or an allow-listed origin.',
  oauth_state_invalid: 'The sign-in attempt is unknown, expired, already used or was started in another browser. Start again.',
  oauth_denied: 'The provider did not authorise the sign-in.',
  oauth_exchange_failed: 'The provider refused the authorisation code.',
  oauth_id_token_invalid: "The provider's identity token failed verification.",
  oauth_email_required: 'The provider shared no email address for a new account.',
  oauth_account_exists: 'An account with this email exists. Sign in to it, then link this provider.',
  identity_in_use: 'This sign-in is already linked to another account.',
  last_sign_in_method: 'This is your only way to sign in: set a password or link another provider first.',
  account_disabled: 'This account is disabled.',
  oauth_provider_unavailable: 'The sign-in provider could not be reached. Nothing was changed; try again shortly.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Unsupported content type.',
  password_breached: 'This password appears in a known data breach. Choose another one.',
  captcha_required:
    'This form needs a bot check: send the Cloudflare Turnstile token in the cf-turnstile-response header or the turnstile_token field.',
  captcha_invalid: 'The bot check failed or its token expired or was already used. Solve the challenge again.',
  captcha_unavailable: 'The bot check (Cloudflare Turnstile) could not be reached. Nothing was changed; try again shortly.',
  rate_limited: 'Too many requests. Try again later.',
  internal: 'Internal error.',
  service_unavailable:
    'A dependency is unavailable. The outcome is unknown: the change may or may not have been applied. It is safe to retry with the same Idempotency-Key.',
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

/** The one 429: `rate_limited` with Retry-After (whole seconds). */
export function rateLimited(retryAfterSeconds: number): ApiError {
  return new ApiError('rate_limited', undefined, { headers: { 'Retry-After': String(retryAfterSeconds) } });
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
