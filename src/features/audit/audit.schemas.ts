import * as z from 'zod';

export const AuditEvent = z.strictObject({
  id: z.string(),
  event: z.string(),
  user_id: z.uuid().nullable(),
  organization_id: z.uuid().nullable(),
  request_id: z.string().nullable(),
  // Who acted, when not the user themself (an administrator, a server API key, the CLI, a scheduled job).
  actor: z.strictObject({ type: z.enum(['user', 'api_key', 'cli', 'system']), id: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: z.iso.datetime(),
});

export const AuditPage = z.strictObject({ events: z.array(AuditEvent), next_cursor: z.string().nullable() });
