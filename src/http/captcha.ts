import * as z from 'zod';
import { ApiError } from '../lib/errors.ts';
import { CaptchaUnavailableError } from '../platform/adapters/captcha.ts';
import type { AppContext } from './types.ts';

/** The header carrying the Turnstile token (the widget's own form field name). Allowed by CORS. */
export const CAPTCHA_HEADER = 'cf-turnstile-response';

// Turnstile tokens are at most 2048 characters; anything longer is not one and never reaches siteverify.
const token = z.string().min(1).max(2048);

/** The optional body field of the protected forms: the Turnstile token, when not sent in the header. */
export const captchaTokenField = token
  .optional()
  .meta({ description: `Cloudflare Turnstile token, when IDENTSPHERE_TURNSTILE_SECRET is set (or send the ${CAPTCHA_HEADER} header).` });

/**
 * With IDENTSPHERE_TURNSTILE_SECRET set, the request must carry a solved Turnstile challenge (header or body
 * field `turnstile_token`): 400 `captcha_required` without one, 400 `captcha_invalid` for a bad one, 503
 * `captcha_unavailable` when siteverify cannot answer — fail closed, a bot check that lets everyone through
 * during an outage is one an attacker can wait for. Called right after the body is parsed and before the rate
 * limit, so tokenless bots neither spend a victim's per-account budget nor reach any database work.
 */
export async function requireCaptcha(c: AppContext, bodyToken: string | undefined): Promise<void> {
  const { captcha } = c.var.deps;
  if (!captcha) return;
  const headerToken = c.req.header(CAPTCHA_HEADER);
  if (headerToken === undefined && bodyToken === undefined) throw new ApiError('captcha_required');
  // Two different tokens: which one was solved by this visitor is a guess, so neither is taken.
  if (headerToken !== undefined && bodyToken !== undefined && headerToken !== bodyToken) throw new ApiError('captcha_invalid');
  const value = headerToken ?? bodyToken;
  if (!token.safeParse(value).success) throw new ApiError('captcha_invalid');
  let verdict: 'valid' | 'invalid';
  try {
    verdict = await captcha.verify(value as string, c.req.header('cf-connecting-ip') ?? null);
  } catch (err) {
    if (err instanceof CaptchaUnavailableError) throw new ApiError('captcha_unavailable', undefined, { cause: err });
    throw err;
  }
  if (verdict !== 'valid') throw new ApiError('captcha_invalid');
}
