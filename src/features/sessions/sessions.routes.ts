import { Hono } from 'hono';
import * as z from 'zod';
import { clearSessionCookie } from '../../http/cookies.ts';
import { requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import { isBearerRequest } from '../../http/session-credential.ts';
import type { AppEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { requireSession } from './session.middleware.ts';
import { SessionList } from './session.schemas.ts';
import { listSessions, revokeOtherSessions, revokeSession } from './session-management.ts';

const SessionId = z.uuid();

export const sessionRoutes = new Hono<AppEnv>()
  .use(requireSession)
  .get(
    '/',
    describeRoute({
      operationId: 'listSessions',
      summary: "The user's live sessions",
      tag: 'sessions',
      auth: true,
      responses: { 200: { description: 'Sessions', schema: SessionList } },
      errors: [],
    }),
    async (c) => c.json({ sessions: await listSessions(c.var.deps, c.var.session) } satisfies z.input<typeof SessionList>),
  )
  .post(
    '/revoke-others',
    describeRoute({
      operationId: 'revokeOtherSessions',
      summary: 'End every other session of the user',
      tag: 'sessions',
      auth: true,
      responses: { 204: { description: 'Done' } },
      errors: [],
    }),
    async (c) => {
      await revokeOtherSessions(c.var.deps, requestContext(c), c.var.session);
      return c.body(null, 204);
    },
  )
  .delete(
    '/:id',
    describeRoute({
      operationId: 'revokeSession',
      summary: 'End one of the user’s sessions',
      tag: 'sessions',
      auth: true,
      responses: { 204: { description: 'Done (the cookie is deleted when it was the current session)', sessionCookie: 'clear' } },
      errors: ['not_found'],
    }),
    async (c) => {
      const id = SessionId.safeParse(c.req.param('id'));
      if (!id.success) throw new ApiError('not_found', 'No such session.');
      const current = c.var.session;
      await revokeSession(c.var.deps, requestContext(c), current, id.data);
      if (id.data === current.record.session.id && !isBearerRequest(c)) clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
