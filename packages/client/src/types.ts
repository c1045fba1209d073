// Names for the API's shapes: aliases of the generated types (src/generated/openapi.ts), never copies.
import type { components, paths } from './generated/openapi.ts';

type Schemas = components['schemas'];

export type SignedIn = Schemas['SignedIn'];
export type User = Schemas['User'];
export type Organization = Schemas['Organization'];
export type Session = Schemas['Session'];
export type MfaRequired = Schemas['MfaRequired'];
export type Passkey = Schemas['Passkey'];
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type AccessToken = Schemas['AccessToken'];

/** The JSON body of a path's operation for one status. */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: Record<S, { content: { 'application/json': infer T } }>;
}
  ? T
  : never;

/** The JSON request body of a path's operation. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
