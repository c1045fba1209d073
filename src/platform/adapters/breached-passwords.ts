import { encodeHexUpperCase } from '@oslojs/encoding';

/** Answers whether a password appears in a known breach corpus. Throws when the service cannot answer. */
export interface BreachedPasswordCheck {
  isBreached(password: string): Promise<boolean>;
}

/** IDENTSPHERE_BREACHED_PASSWORD_CHECK=false: every password passes. */
export const noBreachCheck: BreachedPasswordCheck = { isBreached: async () => false };

export interface PwnedPasswordsOptions {
  /** Injected so tests fake the service at the fetch boundary. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Have I Been Pwned's range API with k-anonymity: only the first 5 hex characters of the password's SHA-1
 * leave the Worker; the suffix is compared locally. `Add-Padding` makes every answer roughly the same size,
 * so the response length reveals nothing about the prefix either.
 */
export class PwnedPasswordsRangeCheck implements BreachedPasswordCheck {
  static readonly URL = 'https://api.pwnedpasswords.com/range/';
  private readonly opts: PwnedPasswordsOptions;

  constructor(opts: PwnedPasswordsOptions = {}) {
    this.opts = opts;
  }

  async isBreached(password: string): Promise<boolean> {
    const digest = encodeHexUpperCase(new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(password))));
    const prefix = digest.slice(0, 5);
    const suffix = digest.slice(5);
    const doFetch = this.opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const res = await doFetch(PwnedPasswordsRangeCheck.URL + prefix, {
      headers: { 'add-padding': 'true', 'user-agent': 'IdentSphere' },
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 3000),
    });
    if (!res.ok) throw new Error(`pwned passwords: HTTP ${res.status}`);
    for (const line of (await res.text()).split('\n')) {
      const [candidate, count] = line.trim().split(':');
      // Padding entries carry a count of 0: they are not breaches.
      if (candidate === suffix && Number(count) > 0) return true;
    }
    return false;
  }
}
