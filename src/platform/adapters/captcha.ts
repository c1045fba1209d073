/**
 * A bot check on the public forms. `verify` answers whether a token is a solved challenge; it throws
 * CaptchaUnavailableError when the verifier cannot answer (the caller fails closed).
 */
export interface CaptchaVerifier {
  verify(token: string, remoteIp: string | null): Promise<'valid' | 'invalid'>;
}

/** The verifier could not give an answer: network error, timeout, 5xx, unparsable answer, or our secret refused. */
export class CaptchaUnavailableError extends Error {}

export interface TurnstileOptions {
  /** Injected so tests fake siteverify at the fetch boundary. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Answers siteverify gives for a bad token (anything else that is not a success is on our side or theirs). */
const TOKEN_ERRORS = new Set(['missing-input-response', 'invalid-input-response', 'timeout-or-duplicate']);

/**
 * Cloudflare Turnstile's siteverify: tokens are single-use and expire after 300 s, which Cloudflare enforces
 * (`timeout-or-duplicate`). Only `success` is trusted; the widget's allowed hostnames are set in the
 * Cloudflare dashboard, which refuses to issue tokens elsewhere.
 */
export class TurnstileVerifier implements CaptchaVerifier {
  static readonly URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
  private readonly secret: string;
  private readonly opts: TurnstileOptions;

  constructor(secret: string, opts: TurnstileOptions = {}) {
    this.secret = secret;
    this.opts = opts;
  }

  async verify(token: string, remoteIp: string | null): Promise<'valid' | 'invalid'> {
    const form = new URLSearchParams({ secret: this.secret, response: token });
    if (remoteIp) form.set('remoteip', remoteIp);
    const doFetch = this.opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    let answer: { success?: unknown; 'error-codes'?: unknown };
    try {
      const res = await doFetch(TurnstileVerifier.URL, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      answer = await res.json();
    } catch (err) {
      throw new CaptchaUnavailableError(`turnstile siteverify: ${String(err)}`, { cause: err });
    }
    if (answer?.success === true) return 'valid';
    const codes = Array.isArray(answer?.['error-codes']) ? (answer['error-codes'] as unknown[]) : [];
    if (codes.length > 0 && codes.every((code) => TOKEN_ERRORS.has(String(code)))) return 'invalid';
    // `invalid-input-secret`, `internal-error`, an empty or odd answer: not the visitor's fault, and no proof of a
    // human either — fail closed as an outage so the operator sees it (503s are logged and counted).
    throw new CaptchaUnavailableError(`turnstile siteverify refused: ${JSON.stringify(codes)}`);
  }
}

/** The in-memory twin: the tokens it was given are valid, once each (like Turnstile's). */
export class MemoryCaptchaVerifier implements CaptchaVerifier {
  private readonly unused: Set<string>;

  constructor(validTokens: Iterable<string>) {
    this.unused = new Set(validTokens);
  }

  async verify(token: string): Promise<'valid' | 'invalid'> {
    return this.unused.delete(token) ? 'valid' : 'invalid';
  }
}
