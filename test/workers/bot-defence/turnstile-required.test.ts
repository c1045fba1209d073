// Bot defence: with IDENTSPHERE_TURNSTILE_SECRET set, register, forgot password, email-code request and
// invitation sign-up need a solved Cloudflare Turnstile challenge (header `cf-turnstile-response` or body field
// `turnstile_token`). Missing: 400 captcha_required; refused: 400 captcha_invalid; siteverify unreachable: 503
// captcha_unavailable (fail closed). A refused request reaches no database and schedules no email. Siteverify is
// faked at the fetch boundary of the real adapter.
import { describe, expect, it } from 'vitest';
import { MemoryCaptchaVerifier, TurnstileVerifier } from '../../../src/platform/adapters/captcha.ts';
import {
  call,
  expectError,
  type Flow,
  flowEnv,
  hangingFetch,
  interceptDatabase,
  mails,
  PASSWORD,
  sql,
  tokenFromMail,
  uniqueEmail,
} from '../support/index.ts';

const SECRET = '0x4AAAAAAAturnstile-test-secret';
const GOOD = 'solved.challenge.token';

type Siteverify = (form: URLSearchParams) => Response | Promise<Response>;

/** Turnstile's siteverify as Cloudflare answers it: GOOD is a solved challenge, anything else is refused. */
const turnstile: Siteverify = (form) =>
  Response.json(
    form.get('secret') === SECRET && form.get('response') === GOOD
      ? { success: true, challenge_ts: new Date().toISOString(), hostname: 'app.localhost', 'error-codes': [] }
      : { success: false, 'error-codes': ['invalid-input-response'] },
  );

/** A fetch standing in for challenges.cloudflare.com, recording the forms it was sent. */
function siteverifyFetch(answer: Siteverify = turnstile) {
  const forms: URLSearchParams[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    expect(request.url).toBe('https://challenges.cloudflare.com/turnstile/v0/siteverify');
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(new TextDecoder().decode(await request.arrayBuffer()));
    forms.push(form);
    return answer(form);
  }) as typeof fetch;
  return { fetch: fetchImpl, forms };
}

function turnstileFlow(answer?: Siteverify) {
  const siteverify = siteverifyFetch(answer);
  return { flow: flowEnv({ IDENTSPHERE_TURNSTILE_SECRET: SECRET }, undefined, { fetch: siteverify.fetch }), siteverify };
}

interface Form {
  name: string;
  path: string;
  status: number;
  /** The body (without a token) and a check that the request took effect, both after any setup it needs. */
  prepare(): Promise<{ body: Record<string, unknown>; tookEffect(flow: Flow): Promise<boolean> }>;
}

// Accounts and invitations the forms act on, made without the bot check. Through a flow whose background work
// (verification and invitation emails) is awaited: a leftover write would otherwise land in the next request's
// database count.
const setup = flowEnv();

async function account() {
  return setup.register();
}

const userExists = async (email: string) => (await sql('select 1 from $schema.users where email = $1', [email])).length === 1;

/** The account exists; the request's background work (its verification email) has finished, so none of it
 * lands in a later test's database count. */
async function settledUserExists(flow: Flow, email: string): Promise<boolean> {
  await flow.settle();
  return userExists(email);
}

const FORMS: Form[] = [
  {
    name: 'register',
    path: '/v1/auth/register',
    status: 201,
    async prepare() {
      const email = uniqueEmail('bot');
      return { body: { email, password: PASSWORD }, tookEffect: (flow) => settledUserExists(flow, email) };
    },
  },
  {
    name: 'forgot password',
    path: '/v1/auth/password/forgot',
    status: 202,
    async prepare() {
      const { email } = await account();
      return {
        body: { email },
        async tookEffect(flow) {
          await flow.settle();
          return mails(email, 'password_reset').length === 1;
        },
      };
    },
  },
  {
    name: 'email-code request',
    path: '/v1/auth/email-otp/request',
    status: 202,
    async prepare() {
      const { email } = await account();
      return {
        body: { email },
        async tookEffect(flow) {
          await flow.settle();
          return mails(email, 'email_otp').length === 1;
        },
      };
    },
  },
  {
    name: 'invitation sign-up',
    path: '/v1/auth/invitations/register',
    status: 201,
    async prepare() {
      const owner = await account();
      const org = await setup.call('/v1/auth/organizations', { method: 'POST', cookie: owner.cookie, json: { name: 'Org' } });
      const { organization } = (await org.json()) as { organization: { id: string } };
      const email = uniqueEmail('invited');
      const invited = await setup.call(`/v1/auth/organizations/${organization.id}/invitations`, {
        method: 'POST',
        cookie: owner.cookie,
        json: { email },
      });
      expect(invited.status).toBe(201);
      await setup.settle();
      return {
        body: { token: tokenFromMail(email, 'organization_invitation'), password: PASSWORD },
        tookEffect: (flow) => settledUserExists(flow, email),
      };
    },
  },
];

/** Sends the request while recording every database round trip and background task it causes. */
async function refusedQuietly(flow: Flow, path: string, init: { json: unknown; headers?: Record<string, string> }) {
  const scheduled = flow.stats.scheduled;
  const db = interceptDatabase();
  try {
    const res = await flow.call(path, { method: 'POST', ...init });
    return { res, databaseRequests: db.requests.length, background: flow.stats.scheduled - scheduled };
  } finally {
    db.restore();
  }
}

describe.each(FORMS)('Turnstile on $name', (form) => {
  it('refuses a request without a token (400 captcha_required): no siteverify call, no database, nothing changed', async () => {
    const { flow, siteverify } = turnstileFlow();
    const { body, tookEffect } = await form.prepare();
    const sent = await refusedQuietly(flow, form.path, { json: body });
    await expectError(sent.res, 400, 'captcha_required');
    expect(sent).toMatchObject({ databaseRequests: 0, background: 0 });
    expect(siteverify.forms).toHaveLength(0);
    expect(await tookEffect(flow)).toBe(false);
  });

  it('refuses an invalid token, in the header or the body (400 captcha_invalid), with nothing changed', async () => {
    const { flow, siteverify } = turnstileFlow();
    const { body, tookEffect } = await form.prepare();
    for (const init of [
      { json: body, headers: { 'cf-turnstile-response': 'forged' } },
      { json: { ...body, turnstile_token: 'forged' } },
      // Two different tokens: neither is taken (and siteverify is not asked).
      { json: { ...body, turnstile_token: GOOD }, headers: { 'cf-turnstile-response': 'other' } },
      // Longer than any Turnstile token: refused without asking siteverify.
      { json: body, headers: { 'cf-turnstile-response': 'x'.repeat(2049) } },
    ]) {
      const sent = await refusedQuietly(flow, form.path, init);
      await expectError(sent.res, 400, 'captcha_invalid');
      expect(sent).toMatchObject({ databaseRequests: 0, background: 0 });
    }
    expect(siteverify.forms.map((f) => f.get('response'))).toEqual(['forged', 'forged']);
    expect(await tookEffect(flow)).toBe(false);
  });

  it('accepts a solved challenge; siteverify gets the secret, the token and the client IP', async () => {
    const { flow, siteverify } = turnstileFlow();
    const { body, tookEffect } = await form.prepare();
    const res = await flow.call(form.path, { method: 'POST', json: body, headers: { 'cf-turnstile-response': GOOD }, ip: '10.9.8.7' });
    expect(res.status).toBe(form.status);
    expect(await tookEffect(flow)).toBe(true);
    expect(siteverify.forms.map((f) => Object.fromEntries(f))).toEqual([{ secret: SECRET, response: GOOD, remoteip: '10.9.8.7' }]);
  });

  it('accepts the token as the turnstile_token body field', async () => {
    const { flow } = turnstileFlow();
    const { body, tookEffect } = await form.prepare();
    expect((await flow.call(form.path, { method: 'POST', json: { ...body, turnstile_token: GOOD } })).status).toBe(form.status);
    expect(await tookEffect(flow)).toBe(true);
  });

  it('fails closed with 503 captcha_unavailable when siteverify cannot answer, with nothing changed', async () => {
    const outages: Siteverify[] = [
      () => Promise.reject(new TypeError('Network connection lost.')),
      () => new Response('upstream error', { status: 502 }),
      () => new Response('<html>not json</html>', { status: 200 }),
      // Our secret refused: not the visitor's fault, and no proof of a human either.
      () => Response.json({ success: false, 'error-codes': ['invalid-input-secret'] }),
      () => Response.json({ success: false, 'error-codes': ['internal-error'] }),
    ];
    const { body, tookEffect } = await form.prepare();
    for (const outage of outages) {
      const { flow } = turnstileFlow(outage);
      const sent = await refusedQuietly(flow, form.path, { json: body, headers: { 'cf-turnstile-response': GOOD } });
      await expectError(sent.res, 503, 'captcha_unavailable');
      expect(sent).toMatchObject({ databaseRequests: 0, background: 0 });
      expect(await tookEffect(flow)).toBe(false);
    }
  });
});

describe('Turnstile', () => {
  it('gives up on a siteverify that never answers (503, nothing changed)', async () => {
    const captcha = new TurnstileVerifier(SECRET, { fetch: hangingFetch(), timeoutMs: 50 });
    const flow = flowEnv({ IDENTSPHERE_TURNSTILE_SECRET: SECRET }, undefined, { captcha });
    const email = uniqueEmail('hang');
    const sent = await refusedQuietly(flow, '/v1/auth/register', {
      json: { email, password: PASSWORD },
      headers: { 'cf-turnstile-response': GOOD },
    });
    await expectError(sent.res, 503, 'captcha_unavailable');
    expect(sent.databaseRequests).toBe(0);
    expect(await userExists(email)).toBe(false);
  });

  it('takes any verifier behind the interface (the in-memory twin): a used token is refused the second time', async () => {
    const flow = flowEnv({ IDENTSPHERE_TURNSTILE_SECRET: SECRET }, undefined, { captcha: new MemoryCaptchaVerifier(['once']) });
    const register = (email: string) =>
      flow.call('/v1/auth/register', { method: 'POST', json: { email, password: PASSWORD }, headers: { 'cf-turnstile-response': 'once' } });
    expect((await register(uniqueEmail('twin'))).status).toBe(201);
    const replayed = uniqueEmail('twin');
    await expectError(await register(replayed), 400, 'captcha_invalid');
    expect(await userExists(replayed)).toBe(false);
  });

  it('is off when IDENTSPHERE_TURNSTILE_SECRET is unset: no token needed, siteverify never called', async () => {
    const siteverify = siteverifyFetch();
    const flow = flowEnv({}, undefined, { fetch: siteverify.fetch });
    expect(flow.deps.captcha).toBeNull();
    const email = uniqueEmail('off');
    expect((await flow.call('/v1/auth/register', { method: 'POST', json: { email, password: PASSWORD } })).status).toBe(201);
    // The field is accepted (and ignored) too, so a frontend can send it before the operator turns the check on.
    const other = uniqueEmail('off');
    const res = await flow.call('/v1/auth/register', { method: 'POST', json: { email: other, password: PASSWORD, turnstile_token: 'x' } });
    expect(res.status).toBe(201);
    expect(siteverify.forms).toHaveLength(0);
  });

  it('does not guard the other routes (sign-in)', async () => {
    const { flow, siteverify } = turnstileFlow();
    const { email } = await account();
    expect((await flow.login(email)).status).toBe(200);
    expect(siteverify.forms).toHaveLength(0);
  });

  it('a refused check leaves the Idempotency-Key free: the retry with a solved challenge runs', async () => {
    const { flow } = turnstileFlow();
    const email = uniqueEmail('idem');
    const init = { method: 'POST', json: { email, password: PASSWORD } };
    const key = { 'idempotency-key': crypto.randomUUID() };
    await expectError(await flow.call('/v1/auth/register', { ...init, headers: key }), 400, 'captcha_required');
    await expectError(
      await flow.call('/v1/auth/register', { ...init, headers: { ...key, 'cf-turnstile-response': 'forged' } }),
      400,
      'captcha_invalid',
    );
    const res = await flow.call('/v1/auth/register', { ...init, headers: { ...key, 'cf-turnstile-response': GOOD } });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotency-replayed')).toBeNull();
  });

  it('lets allowed origins send the header cross-origin (CORS preflight)', async () => {
    const res = await call('/v1/auth/register', {
      method: 'OPTIONS',
      headers: { origin: 'http://app.localhost:5173', 'access-control-request-headers': 'content-type,cf-turnstile-response' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.localhost:5173');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('cf-turnstile-response');
  });

  it('is documented in OpenAPI: the header, the body field and the three errors on each guarded route', async () => {
    const doc = (await (await call('/v1/openapi.json')).json()) as {
      paths: Record<string, { post: { parameters?: { $ref?: string }[]; requestBody: unknown; responses: Record<string, unknown> } }>;
      components: { parameters: Record<string, { name: string; in: string }> };
    };
    expect(doc.components.parameters.TurnstileToken).toMatchObject({ name: 'cf-turnstile-response', in: 'header' });
    for (const { path } of FORMS) {
      const op = doc.paths[path]!.post;
      expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/TurnstileToken' });
      expect(JSON.stringify(op.requestBody)).toContain('"turnstile_token"');
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '503']));
    }
    expect(doc.paths['/v1/auth/login']!.post.parameters).not.toContainEqual({ $ref: '#/components/parameters/TurnstileToken' });
  });
});
