import { vi } from 'vitest';
import { Argon2Core } from '../../../src/crypto/argon2.ts';

/**
 * Watches the argon2 work the Worker does from now on (it runs in this isolate, on the same module instance):
 * every hash sizes its core's memory exactly once (`ensureCapacity` in src/crypto/argon2.ts), so the calls count
 * the hashes and their `this` values are the cores they ran on. The spy is restored after each test.
 */
export function watchArgon2() {
  const spy = vi.spyOn(Argon2Core.prototype, 'ensureCapacity');
  const start = spy.mock.calls.length;
  return {
    hashes: () => spy.mock.calls.length - start,
    cores: () => new Set(spy.mock.contexts.slice(start)).size,
  };
}
