// Passkeys through @simplewebauthn/browser, loaded on first use so pages that never touch a passkey do not
// download it.
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { Core } from './core.ts';
import { type SignedInResult, signedIn } from './sign-in.ts';
import type { Passkey, RequestBody } from './types.ts';

type RegisterVerifyBody = RequestBody<'/v1/auth/passkeys/register/verify', 'post'>;
type LoginVerifyBody = RequestBody<'/v1/auth/passkeys/login/verify', 'post'>;

export function passkeys(core: Core) {
  const { api } = core;
  return {
    list: async (): Promise<Passkey[]> => (await core.call(api.GET('/v1/auth/passkeys'))).passkeys,

    /**
     * Adds a passkey to the signed-in user: the browser's create() prompt, then the attestation to the API.
     * `password` is needed unless the user signed in within the last few minutes (`reauthentication_required`).
     */
    async register(input: { password?: string; name?: string } = {}): Promise<Passkey> {
      const options = await core.call(
        api.POST('/v1/auth/passkeys/register/options', { body: input.password ? { password: input.password } : {} }),
      );
      const { startRegistration } = await import('@simplewebauthn/browser');
      // The API's options are WebAuthn's JSON options; the OpenAPI schema types their enums as plain strings.
      const response = await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON });
      const body = { response, ...(input.name ? { name: input.name } : {}) } as RegisterVerifyBody;
      return (await core.call(api.POST('/v1/auth/passkeys/register/verify', { body }))).passkey;
    },

    /** Signs in with a passkey (discoverable; `email` restricts it to that account's passkeys). Never asks for MFA. */
    async signIn(input: { email?: string } = {}): Promise<SignedInResult> {
      const options = await core.call(api.POST('/v1/auth/passkeys/login/options', { body: input }));
      const { startAuthentication } = await import('@simplewebauthn/browser');
      const response = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
      const body = { response } as LoginVerifyBody;
      return signedIn(core, await core.call(api.POST('/v1/auth/passkeys/login/verify', { body })));
    },

    rename: async (id: string, name: string): Promise<Passkey> =>
      (await core.call(api.PATCH('/v1/auth/passkeys/{id}', { params: { path: { id } }, body: { name } }))).passkey,

    remove: (id: string, input: { password?: string } = {}): Promise<void> =>
      core.call(api.DELETE('/v1/auth/passkeys/{id}', { params: { path: { id } }, body: input })),
  };
}
