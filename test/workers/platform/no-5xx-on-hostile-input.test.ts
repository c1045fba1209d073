// No client input answers 5xx: every operation of the OpenAPI document is called with hostile bodies (NUL
// bytes, lone surrogates, huge strings, wrong types, deep nesting, broken JSON), hostile queries, path
// parameters and headers, signed in with a real session where the operation needs one. A 5xx here means
// input reached the database (or a parser) unvalidated; every such request must be a 4xx instead.
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { type CallInit, call, documentedOperations, type Operation, PASSWORD, registerUser, uniqueEmail } from '../support/index.ts';

const NUL_TEXT = ['a\u0000b', '\u0000'];
const UNICODE_TEXT = ['\ud800', '😀\u202eevil\u200b', 'e\u0301\u0000'];
const HOSTILE_VALUES: unknown[] = [
  ...NUL_TEXT,
  ...UNICODE_TEXT,
  'x'.repeat(5000),
  ' ',
  -1,
  1e308,
  true,
  null,
  [],
  {},
  ['a\u0000'],
  { a: { b: { c: '\u0000' } } },
];

const DEEP_ARRAY = '['.repeat(5000) + ']'.repeat(5000);
const DEEP_OBJECT = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
const RAW_BODIES: { label: string; body: BodyInit; type?: string }[] = [
  { label: 'not json', body: 'not json' },
  { label: 'empty', body: '' },
  { label: 'truncated', body: '{"a":' },
  { label: 'array', body: '[]' },
  { label: 'null', body: 'null' },
  { label: 'NUL string', body: '"\\u0000"' },
  { label: 'proto', body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { label: 'deep array', body: DEEP_ARRAY },
  { label: 'deep object', body: DEEP_OBJECT },
  { label: 'over 64 KiB', body: JSON.stringify({ a: 'x'.repeat(70_000) }) },
  { label: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { label: 'text/plain', body: '{}', type: 'text/plain' },
  { label: 'utf-16 charset', body: '{}', type: 'application/json; charset=utf-16le' },
];

const QUERY_VALUES = ['%00', '%ED%A0%80', 'x'.repeat(5000), '%5B%22a%22%5D', '1e400', '-0', '%F0%9F%98%80%E2%80%AE', ''];
const PATH_VALUES = [
  '%00',
  'a%00b',
  'x'.repeat(3000),
  '%F0%9F%98%80',
  "1'%20or%201%3D1",
  '-1',
  '99999999999999999999',
  '%ED%A0%80',
  '..%2F..%2Fetc',
  crypto.randomUUID(),
];

/** Plausible values by field name: a hostile value in one field must not be masked by another invalid field. */
function baselineValue(field: string): unknown {
  const values: Record<string, unknown> = {
    email: uniqueEmail('fuzz'),
    password: PASSWORD,
    current_password: PASSWORD,
    new_password: `${PASSWORD} 2`,
    name: 'Ada',
    organization_name: 'Acme',
    token: 'A'.repeat(43),
    code: '123456',
    mfa_token: 'A'.repeat(43),
    recovery_code: 'abcd-efgh-ijkl',
    role: 'member',
    locale: 'en-GB',
    time_zone: 'Europe/Paris',
    response: {},
  };
  return field in values ? values[field] : 'x';
}

/** Top-level field names of a request schema (objects, and unions of objects). */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; options?: z.ZodType[] } | undefined;
  if (s?.shape) return Object.keys(s.shape);
  if (s?.options) return [...new Set(s.options.flatMap(fieldsOf))];
  return [];
}

interface Identity {
  cookie: string;
  userId: string;
  organizationId: string;
  sessionId: string;
}

async function signedIn(): Promise<Identity> {
  const user = await registerUser();
  const session = (await (await call('/v1/auth/session', { cookie: user.cookie })).json()) as {
    organization: { id: string };
    session: { id: string };
  };
  return { cookie: user.cookie, userId: user.user.id, organizationId: session.organization.id, sessionId: session.session.id };
}

function pathWith(op: Operation, who: Identity | null, override?: [string, string]): string {
  return op.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (override && override[0] === name) return override[1];
    if (name === 'provider') return 'google';
    if (name === 'userId') return who?.userId ?? crypto.randomUUID();
    if (name === 'id' && op.path.includes('/organizations/')) return who?.organizationId ?? crypto.randomUUID();
    if (name === 'id' && op.path.includes('/sessions/')) return who?.sessionId ?? crypto.randomUUID();
    return crypto.randomUUID();
  });
}

interface Probe {
  label: string;
  path: string;
  init: CallInit;
}

function probes(op: Operation, who: Identity | null): Probe[] {
  const out: Probe[] = [];
  const cookie = who?.cookie;
  const hasBody = op.method !== 'GET';
  const path = pathWith(op, who);
  const fields = fieldsOf(op.body);
  const baseline = Object.fromEntries(fields.map((f) => [f, baselineValue(f)]));
  const json = hasBody ? baseline : undefined;

  if (hasBody) {
    for (const raw of RAW_BODIES) {
      const headers = { 'content-type': raw.type ?? op.rawBody ?? 'application/json' };
      out.push({ label: `body ${raw.label}`, path, init: { method: op.method, cookie, headers, body: raw.body } });
    }
    for (const field of fields) {
      for (const value of HOSTILE_VALUES) {
        out.push({
          label: `${field}=${JSON.stringify(value).slice(0, 40)}`,
          path,
          init: { method: op.method, cookie, json: { ...baseline, [field]: value } },
        });
      }
    }
    out.push({ label: 'unknown field', path, init: { method: op.method, cookie, json: { ...baseline, '\u0000': 1 } } });
  }
  for (const field of Object.keys(op.query?.shape ?? {})) {
    for (const value of QUERY_VALUES) {
      out.push({ label: `?${field}=${value.slice(0, 20)}`, path: `${path}?${field}=${value}`, init: { method: op.method, cookie, json } });
    }
  }
  // Parameters the operation does not declare, repeated, prototype names, NUL: all at once.
  const junk = '?cursor=%00&redirect_to=%00javascript:x&code=%ED%A0%80&state=&state=x&__proto__=1&a[b]=c&limit=1e400';
  out.push({ label: 'undeclared query', path: `${path}${junk}`, init: { method: op.method, cookie, json } });
  for (const name of op.path.match(/:[A-Za-z]+/g) ?? []) {
    for (const value of PATH_VALUES) {
      out.push({
        label: `${name}=${value.slice(0, 20)}`,
        path: pathWith(op, who, [name.slice(1), value]),
        init: { method: op.method, cookie, json },
      });
    }
  }
  // Header values are ByteStrings: hostile means huge, malformed or injection-shaped, not NUL.
  const headers = {
    'user-agent': 'x'.repeat(16_000),
    'cf-connecting-ip': "::1%00' or 1=1--",
    'x-request-id': '../'.repeat(100),
    'accept-language': '*;q=0.'.repeat(500),
    origin: 'null',
  };
  out.push({ label: 'hostile headers', path, init: { method: op.method, cookie, ip: null, headers, json } });
  for (const bad of [
    'identsphere_session=%00%ff',
    `identsphere_session=${'A'.repeat(6000)}`,
    '__Host-identsphere_session=a.b.c; identsphere_session=e30.e30.',
  ]) {
    out.push({ label: `cookie ${bad.slice(0, 30)}`, path, init: { method: op.method, headers: { cookie: bad }, json } });
  }
  return out;
}

describe('no 5xx on hostile input', () => {
  it('every operation of the OpenAPI document answers hostile input with a 4xx or success, never 5xx', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    let requests = 0;
    let signedInPastTheGuard = 0;
    for (const op of documentedOperations()) {
      // A fresh account per signed-in operation: destructive ones (delete account, leave, revoke) stay independent.
      const who = op.auth || op.path.includes(':') ? await signedIn() : null;
      const list = probes(op, who);
      for (let i = 0; i < list.length; i += 8) {
        await Promise.all(
          list.slice(i, i + 8).map(async ({ label, path, init }) => {
            const res = await call(path, init);
            requests++;
            if (init.cookie && res.status !== 401) signedInPastTheGuard++;
            if (res.status >= 500) failures.push(`${op.method} ${op.path} [${label}] → ${res.status} ${(await res.text()).slice(0, 200)}`);
            else await res.body?.cancel();
          }),
        );
      }
    }
    expect(requests).toBeGreaterThan(1500);
    // The signed-in probes reached the handlers (not all stopped at the session guard).
    expect(signedInPastTheGuard).toBeGreaterThan(400);
    expect(failures).toEqual([]);
  });
});
