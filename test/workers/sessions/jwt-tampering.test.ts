// Security requirement 15: the session JWT's algorithm is pinned (HS256). `alg: none`, a wrong key, an
// expired token, a tampered payload or signature, or another algorithm: all 401.
import { base64url, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET } from '../../test-secrets.ts';
import { call, expectError, registerUser } from '../support/index.ts';

function cookieValue(cookie: string): { name: string; jwt: string } {
  const [name, jwt] = cookie.split('=') as [string, string];
  return { name, jwt };
}

function decodePart(part: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(base64url.decode(part)));
}

async function sign(payload: Record<string, unknown>, secret: string, alg = 'HS256', exp?: number) {
  const jwt = new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).setIssuedAt();
  if (exp !== undefined) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

describe('JWT tampering', () => {
  it('accepts the genuine token, and a re-signed copy with the real key (proving the forgeries below differ only in the attack)', async () => {
    const { cookie } = await registerUser();
    const { name, jwt } = cookieValue(cookie);
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200);
    const payload = decodePart(jwt.split('.')[1]!);
    const resigned = await sign({ sid: payload.sid }, TEST_JWT_SECRET, 'HS256', payload.exp as number);
    expect((await call('/v1/auth/session', { cookie: `${name}=${resigned}` })).status).toBe(200);
  });

  it('refuses alg none, wrong key, other HMAC algorithms, expired, tampered payload and signature', async () => {
    const { cookie } = await registerUser();
    const { name, jwt } = cookieValue(cookie);
    const [header, body, signature] = jwt.split('.') as [string, string, string];
    const payload = decodePart(body);
    const sid = payload.sid as string;
    const future = Math.floor(Date.now() / 1000) + 3600;

    const forgeries: Record<string, string> = {
      algNone: new UnsecuredJWT({ sid }).setIssuedAt().setExpirationTime(future).encode(),
      algNoneKeepingSignature: `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${body}.${signature}`,
      wrongKey: await sign({ sid }, 'another-secret-another-secret-another-secret!!', 'HS256', future),
      hs512SameKey: await sign({ sid }, TEST_JWT_SECRET, 'HS512', future),
      expired: await sign({ sid }, TEST_JWT_SECRET, 'HS256', Math.floor(Date.now() / 1000) - 10),
      tamperedPayload: `${header}.${base64url.encode(JSON.stringify({ ...payload, sid: `${sid.slice(0, -2)}AA` }))}.${signature}`,
      tamperedSignature: `${header}.${body}.${signature.slice(0, -3)}${signature.endsWith('AAA') ? 'BBB' : 'AAA'}`,
      missingSid: await sign({}, TEST_JWT_SECRET, 'HS256', future),
      garbage: 'not-a-jwt',
      empty: '',
    };
    for (const [kind, token] of Object.entries(forgeries)) {
      const res = await call('/v1/auth/session', { cookie: `${name}=${token}` });
      expect({ kind, status: res.status }).toEqual({ kind, status: 401 });
      await expectError(res, 401, 'unauthorized');
    }
    // The genuine session is untouched by the attempts.
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200);
  });
});
