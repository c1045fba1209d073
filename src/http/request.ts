import type { z } from 'zod';
import type { RequestContext } from '../features/audit/audit.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppContext } from './types.ts';

/** JSON bodies outside avatars are small; anything larger is refused before it is parsed. */
export const MAX_JSON_BYTES = 64 * 1024;

export function requestContext(c: AppContext): RequestContext {
  return {
    requestId: c.var.requestId,
    ip: c.req.header('cf-connecting-ip') ?? null,
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
    acceptLanguage: c.req.header('accept-language')?.slice(0, 256) ?? null,
  };
}

/**
 * Reads at most `limit` bytes of the body, counting as it streams (Content-Length is not trusted). Not
 * hono/body-limit: it lets a body through uncounted whenever Content-Length is present, and the callers here
 * need the bytes themselves (the JSON parser, the avatar sniffer, the Idempotency-Key fingerprint).
 */
export async function readBodyLimited(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new ApiError('payload_too_large');
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ApiError('payload_too_large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The route's declared input: a JSON body validated by a strict zod schema (unknown fields are refused). */
export async function parseJson<S extends z.ZodType>(c: AppContext, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'Send the body as application/json.');
  }
  const bytes = await readBodyLimited(c.req.raw, MAX_JSON_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new ApiError('invalid_json');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError('invalid_request', 'The request body failed validation.', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.') || undefined, message: i.message })),
    });
  }
  return parsed.data;
}

/** Like parseJson, for routes whose body is optional (DELETE with an optional password): no body means `{}`. */
export async function parseOptionalJson<S extends z.ZodType>(c: AppContext, schema: S): Promise<z.output<S>> {
  if (c.req.raw.body === null || c.req.header('content-length') === '0') {
    const parsed = schema.safeParse({});
    if (parsed.success) return parsed.data;
  }
  return parseJson(c, schema);
}

/** The route's declared query parameters, validated by a strict zod schema (unknown parameters are refused). */
export function parseQuery<S extends z.ZodType>(c: AppContext, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ApiError('invalid_request', 'The query is invalid.', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.') || undefined, message: i.message })),
    });
  }
  return parsed.data;
}
