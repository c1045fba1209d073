// A passkey sign-in costs two database round trips: one batch that consumes the challenge and reads the
// passkey with its user and their first organization, one that moves the counter and creates the session.
// A replayed assertion costs two as well (the consumption finds nothing; the refusal is audited).
import { describe, expect, it } from 'vitest';
import { enrollPasskey, type Flow, flowEnv, loginOptions, roundTrips } from '../support/index.ts';

function verify(flow: Flow, response: Record<string, unknown>) {
  return roundTrips(flow, '/v1/auth/passkeys/login/verify', { method: 'POST', json: { response } });
}

describe('passkey sign-in round trips', () => {
  it('success: the consuming batch, then the sign-in batch; a replay: the consuming batch, then its audit', async () => {
    const flow = flowEnv();
    const { cookie } = await flow.register();
    const auth = await enrollPasskey(cookie, flow.env);
    const assertion = await auth.assert(await loginOptions({}, { env: flow.env }));

    const first = await verify(flow, assertion);
    expect(first.res.status).toBe(200);
    expect(first.trips).toEqual(['batch', 'batch']);

    const replay = await verify(flow, assertion);
    expect(replay.res.status).toBe(400);
    expect(replay.trips).toEqual(['batch', 'query']);
  });
});
