// The checklist items read from the wrangler bindings (rate limits, R2, observability, KV), and the operational and
// compliance steps no program can check.
import { RATE_LIMITS } from '../platform/adapters/rate-limiter.ts';
import { SWEEP_CRON } from '../platform/cron-schedules.ts';
import type { Checklist, DoctorInput } from './doctor-checklist.ts';

const PLACEHOLDER = /^(REPLACE|0{32}$|<)/i;

export function deploymentChecks(input: DoctorInput, { check, manual, info }: Checklist): void {
  const v = input.values;
  // Rate limiting
  const routes: [string, string][] = [
    ['POST /v1/auth/login', RATE_LIMITS.login.binding],
    ['POST /v1/auth/password/forgot', RATE_LIMITS.passwordForgot.binding],
    ['POST /v1/auth/email-otp/request', RATE_LIMITS.emailOtp.binding],
    ['POST /v1/auth/register', RATE_LIMITS.register.binding],
    ['POST /v1/auth/mfa/challenge', RATE_LIMITS.mfaChallenge.binding],
    ['per IP + account', RATE_LIMITS.account.binding],
    ['/v1/admin/*', RATE_LIMITS.admin.binding],
  ];
  for (const [route, binding] of routes) {
    check(
      'Rate limiting',
      `${route} is rate-limited`,
      input.wrangler.rateLimits.includes(binding),
      `add a [[ratelimits]] binding named ${binding}`,
      binding,
    );
  }

  // Avatar uploads
  const r2 = input.wrangler.r2Buckets;
  check(
    'Avatar uploads',
    'Object storage (R2) is bound for avatars',
    r2.length > 0 && r2.every((b) => !PLACEHOLDER.test(b.bucket_name ?? '')),
    'add an [[r2_buckets]] binding',
    r2.map((b) => b.binding).join(', '),
  );
  info('Avatar uploads', 'The 5 MiB body limit is preserved', 'enforced by the Worker while streaming; nothing in front of it lifts it');
  info(
    'Avatar uploads',
    'CDN / cache strategy for avatar_url',
    v.IDENTSPHERE_AVATAR_BASE_URL ? `public URL ${v.IDENTSPHERE_AVATAR_BASE_URL}` : 'served by the Worker (immutable, ETag)',
  );

  // Observability
  check(
    'Observability',
    'Structured logs flowing (Workers observability enabled)',
    input.wrangler.observability,
    'set [observability] enabled = true',
  );
  manual('Observability', 'Health check wired into your monitoring', 'GET /v1/health (liveness), GET /v1/health/ready (database)');
  check(
    'Observability',
    'Metrics for alerts (Analytics Engine dataset bound)',
    input.wrangler.analyticsEngine.length > 0,
    'add [[analytics_engine_datasets]] binding METRICS; alert SQL in README',
    input.wrangler.analyticsEngine.join(', '),
  );
  manual('Observability', 'Audit-log queries wired into your SIEM', 'GET /v1/auth/audit-logs or the audit_logs table');

  // Background jobs: emails (and webhooks) are sent by this Worker's consumer of the JOBS queue, with retries.
  const producer = input.wrangler.queueProducers.find((p) => p.binding === 'JOBS');
  const consumer = producer && input.wrangler.queueConsumers.find((c) => c.queue === producer.queue);
  check(
    'Background jobs',
    'Queue producer JOBS bound (emails, webhooks)',
    !!producer,
    'add [[queues.producers]] binding = "JOBS" (wrangler queues create identsphere-jobs)',
    producer?.queue,
  );
  check(
    'Background jobs',
    'This Worker consumes the JOBS queue (it sends the emails)',
    !!consumer,
    `add [[queues.consumers]] queue = "${producer?.queue ?? 'identsphere-jobs'}"`,
    consumer?.queue,
  );
  check(
    'Background jobs',
    'Jobs out of retries go to a dead-letter queue',
    !!consumer?.dead_letter_queue,
    'set dead_letter_queue on the [[queues.consumers]] entry (wrangler queues create identsphere-jobs-dlq)',
    consumer?.dead_letter_queue,
  );
  check(
    'Background jobs',
    'The webhook sweep runs every minute (Cron Trigger)',
    input.wrangler.crons.includes(SWEEP_CRON),
    `add "${SWEEP_CRON}" to [triggers] crons (it delivers webhook events a request could not enqueue)`,
    input.wrangler.crons.join(', '),
  );

  // Operational
  const kv = input.wrangler.kvNamespaces.find((k) => k.binding === 'SESSION_CACHE');
  check(
    'Operational',
    'Session cache (KV) bound',
    !!kv && !PLACEHOLDER.test(kv.id ?? ''),
    kv ? `replace the placeholder id of SESSION_CACHE (${kv.id})` : 'add [[kv_namespaces]] binding SESSION_CACHE',
  );
  manual('Operational', 'identsphere migrate up runs in the deploy pipeline before the new version', 'see README, Deployment');
  info(
    'Operational',
    'Rolling deploys, multiple replicas',
    'Workers deploys atomically and runs in every location; the Worker is stateless',
  );
  info('Operational', 'JWT secret rotation runbook', 'README, "JWT secret rotation runbook" (rotation signs everyone out)');

  // Compliance
  manual(
    'Compliance + legal',
    'Privacy policy reflects stored data',
    'email, password hash, MFA secret, passkeys, sessions, audit log; README lists them',
  );
  manual('Compliance + legal', 'Cookie consent reviewed with counsel', 'the session cookie is strictly necessary');
  manual('Compliance + legal', 'Data-deletion process documented and tested', 'DELETE /v1/auth/me; GET /v1/auth/me/export');
}
