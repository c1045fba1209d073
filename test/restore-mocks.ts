// Setup file of both vitest configs: every test's spies (a silenced console, a stubbed fetch) are restored when
// it ends. Vitest's `restoreMocks` option restores only before the next test, which leaves the last test's
// spies in place for whatever runs after it in the same isolate.
import { afterEach, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});
