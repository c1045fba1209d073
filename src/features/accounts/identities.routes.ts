import { Hono } from 'hono';
import * as z from 'zod';
import { requestContext } from '../../http/request.ts';
import type { AppEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { listIdentities, unlinkIdentity } from './identities.ts';

const IdentityId = z.uuid();

export const identityRoutes = new Hono<AppEnv>()
  .use(requireSession)
  .get('/', async (c) => c.json({ identities: await listIdentities(c.var.deps, c.var.session) }))
  .delete('/:id', async (c) => {
    const id = IdentityId.safeParse(c.req.param('id'));
    if (!id.success) throw new ApiError('not_found', 'No such identity.');
    await unlinkIdentity(c.var.deps, requestContext(c), c.var.session, id.data);
    return c.body(null, 204);
  });
