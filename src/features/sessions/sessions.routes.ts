import { Hono } from 'hono';
import * as z from 'zod';
import { clearSessionCookie } from '../../http/cookies.ts';
import { requestContext } from '../../http/request.ts';
import type { AppEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { requireSession } from './session.middleware.ts';
import { listSessions, revokeOtherSessions, revokeSession } from './session-management.ts';

const SessionId = z.uuid();

export const sessionRoutes = new Hono<AppEnv>()
  .use(requireSession)
  .get('/', async (c) => c.json({ sessions: await listSessions(c.var.deps, c.var.session) }))
  .post('/revoke-others', async (c) => {
    await revokeOtherSessions(c.var.deps, requestContext(c), c.var.session);
    return c.body(null, 204);
  })
  .delete('/:id', async (c) => {
    const id = SessionId.safeParse(c.req.param('id'));
    if (!id.success) throw new ApiError('not_found', 'No such session.');
    const current = c.var.session;
    await revokeSession(c.var.deps, requestContext(c), current, id.data);
    if (id.data === current.record.session.id) clearSessionCookie(c);
    return c.body(null, 204);
  });
