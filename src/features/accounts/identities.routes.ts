import { Hono } from 'hono';
import * as z from 'zod';
import { requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { IdentityList } from './account.schemas.ts';
import { listIdentities, unlinkIdentity } from './identities.ts';

const IdentityId = z.uuid();

export const identityRoutes = new Hono<AppEnv>()
  .use(requireSession)
  .get(
    '/',
    describeRoute({
      operationId: 'listIdentities',
      summary: "The user's linked sign-in providers",
      tag: 'identities',
      auth: true,
      responses: { 200: { description: 'Identities', schema: IdentityList } },
      errors: [],
    }),
    async (c) => c.json({ identities: await listIdentities(c.var.deps, c.var.session) } satisfies z.input<typeof IdentityList>),
  )
  .delete(
    '/:id',
    describeRoute({
      operationId: 'unlinkIdentity',
      summary: 'Unlink a provider identity (refused for the last way to sign in)',
      tag: 'identities',
      auth: true,
      responses: { 204: { description: 'Done' } },
      errors: ['not_found', 'last_sign_in_method'],
    }),
    async (c) => {
      const id = IdentityId.safeParse(c.req.param('id'));
      if (!id.success) throw new ApiError('not_found', 'No such identity.');
      await unlinkIdentity(c.var.deps, requestContext(c), c.var.session, id.data);
      return c.body(null, 204);
    },
  );
