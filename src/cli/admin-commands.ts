// `identsphere users|admin|api-keys …`: administration from a terminal, over the database connection like
// `migrate`, running the same services as the admin API (src/features/admin). Readable tables on a terminal,
// `--json` for scripts. Exit codes: 0 done, 1 refused (last admin, sole owner…), 2 usage, 4 no such user/key.
import { eq } from 'drizzle-orm';
import { isDisabled } from '../db/account-status.ts';
import { listUsers, userDetail } from '../features/admin/admin-users.ts';
import { type ApiKeyScope, createApiKey, isApiKeyScope, listApiKeys, revokeApiKey } from '../features/admin/api-keys.ts';
import { grantPlatformAdmin, listPlatformAdmins, revokePlatformAdmin } from '../features/admin/platform-admins.ts';
import { deleteUserAsAdmin, disableUser, enableUser, markEmailVerified, resetMfa, signOutUser } from '../features/admin/user-moderation.ts';
import { normalizeEmail } from '../lib/email.ts';
import { ApiError } from '../lib/errors.ts';
import type { DataDeps } from '../platform/deps.ts';
import { EXIT, UsageError } from './cli-args.ts';
import { cliContext } from './cli-deps.ts';

export interface AdminOptions {
  json: boolean;
  name?: string;
  scopes?: string;
  query?: string;
  disabled?: boolean;
  limit?: string;
  cursor?: string;
  reason?: string;
  until?: string;
  passkeys: boolean;
  yes: boolean;
}

interface Out {
  stdout: string[];
  stderr: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Columns padded to their widest cell. */
export function table(header: string[], rows: (string | number | null)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((v) => (v === null ? '-' : String(v))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i]!))).join('  ')).join('\n');
}

async function resolveUser(deps: DataDeps, ref: string | undefined): Promise<string> {
  if (!ref) throw new UsageError('name the user: its id or email');
  if (UUID.test(ref)) return ref.toLowerCase();
  const { users } = deps.t;
  const [row] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(ref)));
  if (!row) throw new ApiError('not_found', `No user with the email ${ref}.`);
  return row.id;
}

function print(out: Out, opts: AdminOptions, data: unknown, text: () => string) {
  out.stdout.push(opts.json ? JSON.stringify(data, null, 2) : text());
}

async function users(deps: DataDeps, sub: string | undefined, ref: string | undefined, opts: AdminOptions, out: Out): Promise<number> {
  const ctx = cliContext();
  switch (sub) {
    case 'list': {
      const limit = opts.limit === undefined ? 50 : Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit takes 1 to 100');
      const page = await listUsers(deps, { query: opts.query, disabled: opts.disabled, cursor: opts.cursor, limit });
      print(out, opts, page, () => {
        const rows = page.users.map((u) => [u.id, u.email, u.name, u.platform_role, u.disabled ? 'disabled' : 'active', u.created_at]);
        const more = page.next_cursor ? `\nmore: --cursor ${page.next_cursor}` : '';
        return `${table(['ID', 'EMAIL', 'NAME', 'ROLE', 'STATUS', 'CREATED'], rows)}${more}`;
      });
      return EXIT.ok;
    }
    case 'show': {
      const detail = await userDetail(deps, await resolveUser(deps, ref));
      print(out, opts, detail, () => {
        const u = detail.user;
        const lines = [
          `${u.email}  (${u.id})`,
          `name            ${u.name ?? '-'}`,
          `email verified  ${u.email_verified ? 'yes' : 'no'}`,
          `role            ${u.platform_role ?? '-'}`,
          `status          ${u.disabled ? `disabled since ${u.disabled_at}${u.disabled_until ? ` until ${u.disabled_until}` : ''}: ${u.disabled_reason ?? ''}` : 'active'}`,
          `created         ${u.created_at}`,
          `mfa             ${detail.mfa.totp_enabled ? `TOTP, ${detail.mfa.recovery_codes_remaining} recovery codes left` : 'none'}`,
          `passkeys        ${detail.passkeys.length}`,
          `identities      ${detail.identities.map((i) => i.provider).join(', ') || '-'}`,
          `organizations   ${detail.organizations.map((o) => `${o.name} (${o.role})`).join(', ') || '-'}`,
          `sessions        ${detail.sessions.length}`,
          '',
          'recent sign-ins',
          table(
            ['WHEN', 'EVENT', 'IP'],
            detail.recent_sign_ins.map((e) => [e.created_at, e.event, e.ip]),
          ),
        ];
        return lines.join('\n');
      });
      return EXIT.ok;
    }
    case 'disable': {
      if (!opts.reason) throw new UsageError('disable needs --reason "…" (it is audited)');
      const until = opts.until === undefined ? undefined : new Date(opts.until);
      if (until && Number.isNaN(until.getTime())) throw new UsageError('--until takes an ISO 8601 date-time, e.g. 2027-01-31T00:00:00Z');
      const result = await disableUser(deps, ctx, await resolveUser(deps, ref), { reason: opts.reason, until });
      print(
        out,
        opts,
        result,
        () => `disabled; ${result.sessions_revoked} session(s) revoked${until ? `; enabled again at ${until.toISOString()}` : ''}`,
      );
      return EXIT.ok;
    }
    case 'enable': {
      const result = await enableUser(deps, ctx, await resolveUser(deps, ref));
      print(out, opts, result, () => (result.changed ? 'enabled' : 'was not disabled; nothing changed'));
      return EXIT.ok;
    }
    case 'sign-out': {
      const result = await signOutUser(deps, ctx, await resolveUser(deps, ref));
      print(out, opts, result, () => `${result.sessions_revoked} session(s) revoked`);
      return EXIT.ok;
    }
    case 'reset-mfa': {
      const result = await resetMfa(deps, ctx, await resolveUser(deps, ref), { passkeys: opts.passkeys });
      print(
        out,
        opts,
        result,
        () => `TOTP ${result.totp_removed ? 'removed' : 'was not enabled'}; ${result.passkeys_removed} passkey(s) removed`,
      );
      return EXIT.ok;
    }
    case 'verify-email': {
      const result = await markEmailVerified(deps, ctx, await resolveUser(deps, ref));
      print(out, opts, result, () => (result.changed ? 'email marked verified' : 'email was already verified'));
      return EXIT.ok;
    }
    case 'delete': {
      if (!opts.yes) throw new UsageError('delete is permanent: add --yes to confirm');
      const id = await resolveUser(deps, ref);
      await deleteUserAsAdmin(deps, ctx, id);
      print(out, opts, { deleted: id }, () => `deleted ${id}`);
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown users command: ${sub ?? '(none)'}`);
  }
}

async function admins(deps: DataDeps, sub: string | undefined, email: string | undefined, opts: AdminOptions, out: Out): Promise<number> {
  if (sub === 'list') {
    const rows = await listPlatformAdmins(deps);
    const now = deps.clock.now();
    const data = rows.map((r) => ({ id: r.id, email: r.email, disabled: isDisabled(r, now) }));
    print(out, opts, data, () =>
      table(
        ['ID', 'EMAIL', 'STATUS'],
        data.map((r) => [r.id, r.email, r.disabled ? 'disabled' : 'active']),
      ),
    );
    return EXIT.ok;
  }
  if (sub !== 'grant' && sub !== 'revoke') throw new UsageError(`unknown admin command: ${sub ?? '(none)'}`);
  if (!email) throw new UsageError(`admin ${sub} needs the user's email`);
  const change = sub === 'grant' ? grantPlatformAdmin : revokePlatformAdmin;
  const result = await change(deps, cliContext(), normalizeEmail(email));
  if (!result.ok) {
    throw new ApiError(result.reason, result.reason === 'not_found' ? `No user with the email ${email}.` : undefined);
  }
  print(out, opts, result, () =>
    result.changed ? `${email} is ${sub === 'grant' ? 'now' : 'no longer'} a platform administrator` : 'nothing changed',
  );
  return EXIT.ok;
}

async function apiKeys(deps: DataDeps, sub: string | undefined, id: string | undefined, opts: AdminOptions, out: Out): Promise<number> {
  switch (sub) {
    case 'create': {
      const name = opts.name?.trim();
      if (!name) throw new UsageError('api-keys create needs --name');
      const scopes = (opts.scopes ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = scopes.filter((s) => !isApiKeyScope(s));
      if (!scopes.length || unknown.length) {
        throw new UsageError(
          `--scopes takes a comma-separated list of: users:read, users:write, organizations:read, audit:read, webhooks:write${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
        );
      }
      const { key, apiKey } = await createApiKey(deps, cliContext(), { name, scopes: scopes as ApiKeyScope[] });
      print(out, opts, { key, api_key: apiKey }, () =>
        [
          `${key}`,
          '',
          `API key ${apiKey.id} (${apiKey.name}; ${apiKey.scopes.join(', ')}).`,
          'Shown once: store it in your secret manager now. Only its hash is kept.',
        ].join('\n'),
      );
      return EXIT.ok;
    }
    case 'list': {
      const keys = await listApiKeys(deps);
      print(out, opts, keys, () =>
        table(
          ['ID', 'NAME', 'PREFIX', 'SCOPES', 'LAST USED', 'STATUS'],
          keys.map((k) => [
            k.id,
            k.name,
            `${k.prefix}…`,
            k.scopes.join(','),
            k.last_used_at,
            k.revoked_at ? `revoked ${k.revoked_at}` : 'active',
          ]),
        ),
      );
      return EXIT.ok;
    }
    case 'revoke': {
      if (!id || !UUID.test(id)) throw new UsageError('api-keys revoke needs the key id (see api-keys list)');
      if (!(await revokeApiKey(deps, cliContext(), id))) throw new ApiError('not_found', 'No such active API key.');
      print(out, opts, { revoked: id }, () => `revoked ${id}`);
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown api-keys command: ${sub ?? '(none)'}`);
  }
}

/** Runs one command; the outcome is the exit code and what to print (so tests and main share the logic). */
export async function runAdminCommand(
  deps: DataDeps,
  command: string,
  sub: string | undefined,
  arg: string | undefined,
  opts: AdminOptions,
) {
  const out: Out = { stdout: [], stderr: [] };
  let code: number;
  try {
    const run = command === 'users' ? users : command === 'admin' ? admins : apiKeys;
    code = await run(deps, sub, arg, opts, out);
  } catch (err) {
    if (err instanceof UsageError) {
      out.stderr.push(`identsphere: ${err.message}`);
      code = EXIT.usage;
    } else if (err instanceof ApiError && err.status < 500) {
      out.stderr.push(`identsphere: ${err.code}: ${err.message}`);
      code = err.code === 'not_found' ? EXIT.notFound : err.code === 'invalid_request' ? EXIT.usage : EXIT.refused;
      if (opts.json) out.stdout.push(JSON.stringify({ error: { code: err.code, message: err.message } }, null, 2));
    } else {
      throw err;
    }
  }
  return { code, ...out };
}
