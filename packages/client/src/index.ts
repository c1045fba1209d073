// @identsphere/client: a typed client for the IdentSphere API. See README.md.
export { createClient, type IdentSphereClient } from './client.ts';
export type { BotCheck, ClientOptions } from './core.ts';
export { type ClientErrorCode, type ErrorCode, IdentSphereError } from './errors.ts';
export type { components, paths } from './generated/openapi.ts';
export type { SessionChangeEvent, SessionChangeListener } from './session-events.ts';
export type { MfaStep, SignedInResult, SignInResult } from './sign-in.ts';
export type * from './types.ts';
