import * as z from 'zod';

export const EmailVerified = z.strictObject({ email_verified: z.boolean(), prior_credentials_revoked: z.boolean() });
