// Every route the app serves, with its input schema (the one the handler validates with) and responses.
// One file per feature (each imports its request schemas from the route files); concatenated here.
import * as z from 'zod';
import { ACCOUNT_OPERATIONS } from './operations-accounts.ts';
import { AUTH_OPERATIONS } from './operations-auth.ts';
import { MFA_OPERATIONS } from './operations-mfa.ts';
import { OAUTH_OPERATIONS } from './operations-oauth.ts';
import { ORGANIZATION_OPERATIONS } from './operations-organizations.ts';
import { PASSKEY_OPERATIONS } from './operations-passkeys.ts';
import type { Operation } from './schemas.ts';

export type { Operation } from './schemas.ts';

const SERVICE_OPERATIONS: Operation[] = [
  {
    id: 'health',
    method: 'GET',
    path: '/v1/health',
    summary: 'Liveness',
    tag: 'operations',
    responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } },
  },
  {
    id: 'ready',
    method: 'GET',
    path: '/v1/health/ready',
    summary: 'Readiness: 503 when the database does not answer',
    tag: 'operations',
    responses: { 200: { description: 'Ready', schema: z.object({ status: z.literal('ready'), database: z.literal('ok') }) } },
  },
  {
    id: 'openapi',
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This document',
    tag: 'operations',
    responses: { 200: { description: 'OpenAPI 3.1' } },
  },
];

export const OPERATIONS: Operation[] = [
  ...SERVICE_OPERATIONS,
  ...AUTH_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  ...MFA_OPERATIONS,
  ...PASSKEY_OPERATIONS,
  ...OAUTH_OPERATIONS,
  ...ORGANIZATION_OPERATIONS,
];
