import * as z from 'zod';

export const Provider = z.strictObject({ id: z.string(), name: z.string(), start_url: z.string(), callback_url: z.string() });
export const ProviderList = z.strictObject({ providers: z.array(Provider) });

export const LinkStarted = z.strictObject({ authorization_url: z.string(), expires_at: z.iso.datetime() });
