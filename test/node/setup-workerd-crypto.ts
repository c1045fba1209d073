// Worker code compares secrets with workerd's crypto.subtle.timingSafeEqual, which Node's Web Crypto lacks:
// node tests that run Worker modules (e.g. argon2-native, verifyPassword) get Node's own constant-time compare.
import { timingSafeEqual } from 'node:crypto';

const subtle = crypto.subtle as { timingSafeEqual?: (a: Uint8Array, b: Uint8Array) => boolean };
subtle.timingSafeEqual ??= (a, b) => timingSafeEqual(a, b);
