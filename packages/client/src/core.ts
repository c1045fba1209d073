// What every part of the client shares: the typed fetch (openapi-fetch over the generated paths), the answer
// unwrapping into data or IdentSphereError, and the client's view of the session (signed in or not, the
// bearer token, the cached access token), kept in step with the session-change events.
import createFetchClient, { type Client } from 'openapi-fetch';
import { errorFromResponse } from './errors.ts';
import type { paths } from './generated/openapi.ts';
import { type SessionChangeEvent, type SessionEvents, sessionEvents } from './session-events.ts';
import type { SignedIn } from './types.ts';

export interface ClientOptions {
  /** The IdentSphere API's origin, e.g. `https://auth.example.com` (paths start with /v1). */
  baseUrl: string;
  /** Defaults to the global fetch. Called with a Request. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * `cookie` (default, browsers): the HttpOnly session cookie, sent with `credentials: 'include'`.
   * `bearer` (native apps, servers): sign-ins answer with a session token the client keeps in memory and sends as
   * `Authorization: Bearer`; no cookies are sent (a request with both is refused).
   */
  transport?: 'cookie' | 'bearer';
  /** `bearer` only: a session token kept from an earlier sign-in (see getSessionToken()). */
  sessionToken?: string;
  /**
   * The BroadcastChannel that carries session changes to the other tabs (default: one per baseUrl). `false`: this
   * client only. Bearer clients never broadcast: their session is their own, not shared with other tabs.
   */
  sessionChannel?: string | false;
  /** Milliseconds since the epoch; defaults to Date.now (access-token expiry is reckoned with it). */
  now?: () => number;
}

const TRANSPORT_HEADER = 'IdentSphere-Session-Transport';

/** For the forms behind the optional bot check (sign-up, forgot password, email code, invitation sign-up). */
export interface BotCheck {
  /**
   * The token of a solved Cloudflare Turnstile challenge (the widget's callback argument). Needed when the API
   * sets IDENTSPHERE_TURNSTILE_SECRET (400 `captcha_required` / `captcha_invalid` otherwise); single-use, so
   * solve a new challenge for each attempt.
   */
  turnstileToken?: string;
}

/** The header carrying a BotCheck's token (nothing without one). */
export function botCheckHeaders(check: BotCheck = {}): Record<string, string> {
  return check.turnstileToken ? { 'cf-turnstile-response': check.turnstileToken } : {};
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

export interface Core {
  api: Client<paths>;
  now: () => number;
  events: SessionEvents;
  bearer: boolean;
  sessionToken: string | undefined;
  /** The access token cache (access-token.ts); dropped on every session change. */
  accessToken: Promise<{ token: string; expiresAt: number }> | undefined;
  /** The answer's data, or IdentSphereError; a 401 `unauthorized` to a signed-in client signs it out. */
  call<T>(request: Promise<Answer<T>>): Promise<T>;
  signedIn(session: SignedIn, event?: 'signed_in' | 'session_updated'): SignedIn;
  signedOut(reason: 'sign_out' | 'expired'): void;
  /** Whether the client last saw a session; `undefined` before it has asked. */
  known: boolean | undefined;
}

export function createCore(options: ClientOptions): Core {
  const bearer = options.transport === 'bearer';
  const api = createFetchClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Bearer: never send cookies, so a leftover cookie cannot make a request ambiguous (400) or ride along.
    // (RequestInit's `credentials`, which the Workers types this repository checks with leave out.)
    ...({ credentials: bearer ? 'omit' : 'include' } as object),
    headers: bearer ? { [TRANSPORT_HEADER]: 'bearer' } : {},
  });
  const core: Core = {
    api,
    now: options.now ?? Date.now,
    bearer,
    sessionToken: options.sessionToken,
    accessToken: undefined,
    known: undefined,
    events: sessionEvents(bearer ? false : (options.sessionChannel ?? `identsphere:session:${options.baseUrl}`), (change) => adopt(change)),
    async call<T>(request: Promise<Answer<T>>): Promise<T> {
      const { data, error, response } = await request;
      if (response.ok) return data as T;
      const failure = errorFromResponse(response, error);
      if (failure.code === 'unauthorized') {
        if (core.known) core.signedOut('expired');
        else adopt({ event: 'signed_out', reason: 'expired', session: null });
      }
      throw failure;
    },
    signedIn(session, event = 'signed_in') {
      if (bearer && session.session_token) core.sessionToken = session.session_token;
      const change = { event, session } as const;
      adopt(change);
      core.events.emit(change);
      return session;
    },
    signedOut(reason) {
      const change = { event: 'signed_out', reason, session: null } as const;
      adopt(change);
      core.events.emit(change);
    },
  };
  /** This client's own state after a change (its own, or another tab's). */
  function adopt(change: SessionChangeEvent) {
    core.accessToken = undefined;
    core.known = change.event !== 'signed_out';
    if (change.event === 'signed_out' && bearer) core.sessionToken = undefined;
  }
  if (bearer) {
    api.use({
      onRequest({ request }) {
        if (core.sessionToken) request.headers.set('Authorization', `Bearer ${core.sessionToken}`);
        return request;
      },
    });
  }
  return core;
}
