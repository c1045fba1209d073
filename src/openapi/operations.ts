// Every route the app serves, with its input schema (the one the handler validates with) and responses.
import { z } from 'zod';
import { LoginBody, RegisterBody } from '../routes/auth.ts';

export interface Operation {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string; // Hono syntax (:param)
  summary: string;
  tag: string;
  auth?: boolean;
  body?: z.ZodType;
  rawBody?: string;
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const User = z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable(), email_verified: z.boolean(), created_at: z.iso.datetime() });
const Organization = z.object({ id: z.uuid(), name: z.string(), role: z.enum(['owner', 'admin', 'member']) }).nullable();
const Session = z.object({
  id: z.uuid(),
  created_at: z.iso.datetime(),
  last_seen_at: z.iso.datetime(),
  idle_expires_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
});
export const SignedIn = z.object({ user: User, organization: Organization, session: Session });
const SessionList = z.object({
  sessions: z.array(
    z.object({
      id: z.uuid(),
      current: z.boolean(),
      ip: z.string().nullable(),
      user_agent: z.string().nullable(),
      created_at: z.iso.datetime(),
      last_seen_at: z.iso.datetime(),
      expires_at: z.iso.datetime(),
    }),
  ),
});

const noContent = { description: 'Done' };

export const OPERATIONS: Operation[] = [
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
  {
    id: 'register',
    method: 'POST',
    path: '/v1/auth/register',
    summary: 'Create an account and its organization, and sign in',
    tag: 'auth',
    body: RegisterBody,
    responses: { 201: { description: 'Signed in (session cookie set)', schema: SignedIn } },
  },
  {
    id: 'login',
    method: 'POST',
    path: '/v1/auth/login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    body: LoginBody,
    responses: { 200: { description: 'Signed in (session cookie set)', schema: SignedIn } },
  },
  { id: 'logout', method: 'POST', path: '/v1/auth/logout', summary: 'End the current session', tag: 'auth', responses: { 204: noContent } },
  {
    id: 'getSession',
    method: 'GET',
    path: '/v1/auth/session',
    summary: 'The current session',
    tag: 'sessions',
    auth: true,
    responses: { 200: { description: 'Signed in', schema: SignedIn } },
  },
  {
    id: 'listSessions',
    method: 'GET',
    path: '/v1/auth/sessions',
    summary: "The user's live sessions",
    tag: 'sessions',
    auth: true,
    responses: { 200: { description: 'Sessions', schema: SessionList } },
  },
  {
    id: 'revokeOtherSessions',
    method: 'POST',
    path: '/v1/auth/sessions/revoke-others',
    summary: 'End every other session of the user',
    tag: 'sessions',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'revokeSession',
    method: 'DELETE',
    path: '/v1/auth/sessions/:id',
    summary: 'End one of the user’s sessions',
    tag: 'sessions',
    auth: true,
    responses: { 204: noContent },
  },
];
