// A software authenticator for workerd tests: ES256 keys via WebCrypto, attestation format 'none' and
// assertions built here byte by byte (CBOR, authenticator data, DER signatures) — no code under test involved.
import type { Env } from '../../../src/platform/config.ts';
import { concat } from '../../fixtures/images.ts';
import { BASE, type CallInit, call } from './worker.ts';

const enc = new TextEncoder();

export function b64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** Minimal CBOR (RFC 8949) encoder: unsigned/negative ints, byte and text strings, arrays, maps. */
function cbor(value: unknown): Uint8Array {
  const head = (major: number, n: number): Uint8Array => {
    if (n < 24) return Uint8Array.of((major << 5) | n);
    if (n < 256) return Uint8Array.of((major << 5) | 24, n);
    if (n < 65536) return Uint8Array.of((major << 5) | 25, n >> 8, n & 0xff);
    return Uint8Array.of((major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return concat(head(3, enc.encode(value).length), enc.encode(value));
  if (value instanceof Uint8Array) return concat(head(2, value.length), value);
  if (Array.isArray(value)) return concat(head(4, value.length), ...value.map(cbor));
  if (value instanceof Map) return concat(head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)]));
  if (typeof value === 'object' && value !== null) return cbor(new Map(Object.entries(value)));
  throw new Error(`cbor: unsupported ${typeof value}`);
}

/** ECDSA signature from WebCrypto's r||s form into the ASN.1 DER form WebAuthn uses. */
function derSignature(raw: Uint8Array): Uint8Array {
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    const body = v[0]! & 0x80 ? concat(Uint8Array.of(0), v) : v;
    return concat(Uint8Array.of(0x02, body.length), body);
  };
  const seq = concat(int(raw.subarray(0, 32)), int(raw.subarray(32)));
  return concat(Uint8Array.of(0x30, seq.length), seq);
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface CeremonyOverrides {
  origin?: string;
  rpId?: string;
  counter?: number;
  type?: string;
}

/** One discoverable ES256 credential. */
export class SoftAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16));
  counter = 0;
  userHandle: string | undefined;
  private readonly keys: CryptoKeyPair;

  private constructor(keys: CryptoKeyPair) {
    this.keys = keys;
  }

  static async create(): Promise<SoftAuthenticator> {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    return new SoftAuthenticator(keys);
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private clientData(type: string, challenge: string, origin: string): Uint8Array {
    return enc.encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** navigator.credentials.create() answered with attestation 'none'. */
  async attest(options: { challenge: string; rp: { id?: string }; user: { id: string } }, o: CeremonyOverrides = {}) {
    const rpId = o.rpId ?? options.rp.id ?? 'localhost';
    const raw = new Uint8Array((await crypto.subtle.exportKey('raw', this.keys.publicKey)) as ArrayBuffer);
    const coseKey = cbor(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, raw.subarray(1, 33)],
        [-3, raw.subarray(33, 65)],
      ]),
    );
    const idLength = Uint8Array.of(this.credentialId.length >> 8, this.credentialId.length & 0xff);
    const authData = concat(
      await sha256(enc.encode(rpId)),
      Uint8Array.of(FLAG_UP | FLAG_UV | FLAG_AT),
      u32(o.counter ?? this.counter),
      new Uint8Array(16), // AAGUID: none
      idLength,
      this.credentialId,
      coseKey,
    );
    this.userHandle = options.user.id;
    const clientDataJSON = this.clientData(o.type ?? 'webauthn.create', options.challenge, o.origin ?? BASE);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(cbor({ fmt: 'none', attStmt: {}, authData })),
        transports: ['internal'],
      },
    };
  }

  /** navigator.credentials.get(): signs authenticatorData || SHA-256(clientDataJSON); bumps the counter. */
  async assert(options: { challenge: string; rpId?: string }, o: CeremonyOverrides = {}) {
    const rpId = o.rpId ?? options.rpId ?? 'localhost';
    const counter = o.counter ?? ++this.counter;
    const authData = concat(await sha256(enc.encode(rpId)), Uint8Array.of(FLAG_UP | FLAG_UV), u32(counter));
    const clientDataJSON = this.clientData(o.type ?? 'webauthn.get', options.challenge, o.origin ?? BASE);
    const signed = concat(authData, await sha256(clientDataJSON));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed));
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(derSignature(raw)),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }
}

type Json = Record<string, unknown>;

export async function registrationOptions(cookie: string, init: CallInit = {}) {
  const res = await call('/v1/auth/passkeys/register/options', { method: 'POST', cookie, ...init });
  if (res.status !== 200) throw new Error(`register/options: ${res.status} ${await res.text()}`);
  return (await res.json()) as { challenge: string; rp: { id: string; name: string }; user: { id: string; name: string } };
}

export function registrationVerify(cookie: string, response: Json, init: CallInit & { name?: string } = {}) {
  const { name, ...rest } = init;
  return call('/v1/auth/passkeys/register/verify', { method: 'POST', cookie, json: { response, ...(name ? { name } : {}) }, ...rest });
}

/** Registers a fresh software passkey for the signed-in user; returns the authenticator. */
export async function enrollPasskey(cookie: string, env?: Env): Promise<SoftAuthenticator> {
  const auth = await SoftAuthenticator.create();
  const options = await registrationOptions(cookie, { env });
  const res = await registrationVerify(cookie, await auth.attest(options), { env });
  if (res.status !== 201) throw new Error(`register/verify: ${res.status} ${await res.text()}`);
  return auth;
}

export async function loginOptions(json: { email?: string } = {}, init: CallInit = {}) {
  const res = await call('/v1/auth/passkeys/login/options', { method: 'POST', json, ...init });
  if (res.status !== 200) throw new Error(`login/options: ${res.status} ${await res.text()}`);
  return (await res.json()) as { challenge: string; rpId: string; allowCredentials?: unknown[]; userVerification?: string };
}

export function loginVerify(response: Json, init: CallInit = {}) {
  return call('/v1/auth/passkeys/login/verify', { method: 'POST', json: { response }, ...init });
}
