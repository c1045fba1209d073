// Helpers for the workerd integration tests, one import for all: `import { … } from '../support/index.ts'`.

export * from './accounts.ts';
export * from './admin.ts';
export * from './argon2.ts';
export * from './bearer.ts';
export * from './clock.ts';
export * from './database.ts';
export * from './flow.ts';
export * from './mfa.ts';
export * from './oauth.ts';
export * from './openapi.ts';
export * from './outages.ts';
export * from './production.ts';
export * from './takeover.ts';
export * from './webauthn.ts';
export * from './webhooks.ts';
export * from './worker.ts';
