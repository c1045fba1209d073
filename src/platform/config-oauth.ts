import * as z from 'zod';
import type { ConfigProblem } from './config-problem.ts';

/** Ids that name built-in providers; a configured OIDC provider may not take them. */
export const BUILT_IN_PROVIDERS = ['google', 'github'] as const;

const oidcProvider = z.strictObject({
  // The id appears in the callback URL: /v1/auth/oauth/{id}/callback.
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be lower-case letters, digits and dashes')
    .refine((id) => !(BUILT_IN_PROVIDERS as readonly string[]).includes(id), 'is a built-in provider id'),
  name: z.string().min(1).max(100).optional(),
  // The issuer exactly as the provider's discovery document states it (no trailing slash unless it has one).
  issuer: z.url({ protocol: /^https?$/ }),
  client_id: z.string().min(1),
  // Absent: a public client (PKCE only, no client authentication at the token endpoint).
  client_secret: z.string().min(1).optional(),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/)).optional(),
});

const oidcProviderList = z
  .string()
  .default('[]')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {id, issuer, client_id, client_secret, scopes?}' });
      return z.NEVER;
    }
  })
  .pipe(z.array(oidcProvider))
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'provider ids must be unique');

/** OAuth / OpenID Connect settings, spread into the config schema. A provider is enabled when configured. */
export const oauthConfigFields = {
  IDENTSPHERE_GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  IDENTSPHERE_GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  IDENTSPHERE_GITHUB_CLIENT_ID: z.string().min(1).optional(),
  IDENTSPHERE_GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  IDENTSPHERE_OIDC_PROVIDERS: oidcProviderList,
};

type OAuthConfig = z.output<z.ZodObject<typeof oauthConfigFields>>;

/** Checked in every environment: half a provider configuration is a mistake, not a disabled provider. */
export function oauthConfigProblems(c: OAuthConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const name of ['GOOGLE', 'GITHUB'] as const) {
    const id = c[`IDENTSPHERE_${name}_CLIENT_ID`];
    const secret = c[`IDENTSPHERE_${name}_CLIENT_SECRET`];
    if (Boolean(id) !== Boolean(secret)) {
      problems.push({
        setting: `IDENTSPHERE_${name}_CLIENT_${id ? 'SECRET' : 'ID'}`,
        reason: `is required when IDENTSPHERE_${name}_CLIENT_${id ? 'ID' : 'SECRET'} is set`,
      });
    }
  }
  return problems;
}

/** Production: an OpenID provider reached over plain http could be impersonated (its keys and tokens). */
export function oauthProductionProblems(c: OAuthConfig): ConfigProblem[] {
  return c.IDENTSPHERE_OIDC_PROVIDERS.filter((p) => !p.issuer.startsWith('https://')).map((p) => ({
    setting: 'IDENTSPHERE_OIDC_PROVIDERS',
    reason: `provider ${p.id}: issuer must be https://`,
  }));
}
