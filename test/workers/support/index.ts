// Helpers for the workerd integration tests, one import for all: `import { … } from '../support/index.ts'`.
export * from './worker.ts';
export * from './database.ts';
export * from './clock.ts';
export * from './outages.ts';
export * from './flow.ts';
export * from './oauth.ts';
export * from './accounts.ts';
export * from './mfa.ts';
export * from './webauthn.ts';
export * from './takeover.ts';
export * from './production.ts';
export * from './openapi.ts';
