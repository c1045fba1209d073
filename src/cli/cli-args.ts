// The `identsphere` command line: each command's usage and the options it accepts, parsed strictly (an unknown
// flag is a usage error, exit 2), with `identsphere <command> --help` and `identsphere --version`.
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake on the command line or in the environment: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, refused: 1, usage: 2, notFound: 4 } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

interface CommandSpec {
  /** Subcommands, when the command has them. */
  subcommands?: readonly string[];
  options: Options;
  usage: string;
}

const json = { json: { type: 'boolean', default: false } } as const;

const EMAIL_KINDS_HELP = `kinds: verify_email, password_reset, email_otp,
                                 password_changed, email_change_verify, email_change_in_use,
                                 email_changed_notice, organization_invitation`;

export const COMMANDS: Record<string, CommandSpec> = {
  migrate: {
    subcommands: ['up', 'status'],
    options: json,
    usage: `  migrate up                     apply drizzle/ migrations to DATABASE_URL in IDENTSPHERE_SCHEMA (idempotent;
                                 progress on stderr)
  migrate status                 list applied and pending migrations`,
  },
  doctor: {
    options: {
      ...json,
      env: { type: 'string' },
      config: { type: 'string', default: 'wrangler.toml' },
      'vars-file': { type: 'string', multiple: true, default: [] },
      'compare-vars': { type: 'string', multiple: true, default: [] },
    },
    usage: `  doctor [--env production] [--config wrangler.toml] [--vars-file FILE]... [--compare-vars FILE]...
                                 the production checklist as code; exit 1 on any failing item`,
  },
  smoke: {
    options: { ...json, keep: { type: 'boolean', default: false }, origin: { type: 'string' }, 'turnstile-token': { type: 'string' } },
    usage: `  smoke <base-url> [--keep] [--origin URL] [--turnstile-token TOKEN]
                                 register, session, logout, session 401 against a running deployment, then
                                 delete the account it created (through the API, as that user) unless --keep;
                                 the address is on the reserved .invalid domain, so no email goes out.
                                 --origin: an allowed frontend origin, sent as Origin (needed with
                                 IDENTSPHERE_COOKIE_SAMESITE=none); --turnstile-token: a solved challenge's
                                 token for the register (needed with Turnstile on)`,
  },
  audit: {
    subcommands: ['prune'],
    options: { ...json, 'older-than': { type: 'string' } },
    usage: `  audit prune --older-than DAYS  delete audit_logs rows older than DAYS (in batches; progress on stderr)`,
  },
  keys: {
    subcommands: ['rotate', 'list'],
    options: json,
    usage: `  keys rotate                    add an access-token signing key (signs after the JWKS caches learned it)
  keys list                      the signing keys and their state (pending, signing, retired, expired)`,
  },
  secret: {
    subcommands: ['generate'],
    options: json,
    usage: `  secret generate                32 random bytes, hex (for IDENTSPHERE_JWT_SECRET, IDENTSPHERE_ENCRYPTION_KEY)`,
  },
  email: {
    subcommands: ['preview'],
    options: { ...json, locale: { type: 'string' }, out: { type: 'string' }, templates: { type: 'string' } },
    usage: `  email preview <kind> [--locale en|de|fr|es] [--out DIR] [--templates DIR]
                                 write <kind>.<locale>.html and .txt with sample values (overrides from
                                 email-templates/ applied); ${EMAIL_KINDS_HELP}`,
  },
  users: {
    subcommands: ['list', 'show', 'disable', 'enable', 'sign-out', 'verify-email', 'reset-mfa', 'delete'],
    options: {
      ...json,
      query: { type: 'string' },
      disabled: { type: 'boolean' },
      enabled: { type: 'boolean' },
      limit: { type: 'string' },
      cursor: { type: 'string' },
      reason: { type: 'string' },
      until: { type: 'string' },
      passkeys: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
    },
    usage: `  users list [--query Q] [--disabled | --enabled] [--limit N] [--cursor C]
                                 find users (email prefix or name), newest first
  users show <id|email>          profile, organizations, sessions, identities, MFA, passkeys, recent sign-ins
  users disable <id|email> --reason R [--until ISO-8601]
                                 revoke every session and refuse every sign-in (until --until, if given)
  users enable|sign-out|verify-email <id|email>
  users reset-mfa <id|email> [--passkeys]
                                 remove TOTP and recovery codes (and every passkey with --passkeys)
  users delete <id|email> --yes  delete the account completely, as self-service deletion does`,
  },
  admin: {
    subcommands: ['grant', 'revoke', 'list'],
    options: json,
    usage: `  admin grant|revoke <email>     make a user a platform administrator (admin API), or no longer
  admin list                     the platform administrators`,
  },
  'api-keys': {
    subcommands: ['create', 'list', 'revoke'],
    options: { ...json, name: { type: 'string' }, scopes: { type: 'string' } },
    usage: `  api-keys create --name N --scopes S[,S…]
                                 a server API key for /v1/admin (printed once); scopes: users:read,
                                 users:write, organizations:read, audit:read, webhooks:write
  api-keys list | api-keys revoke <id>`,
  },
};

const COMMON = `  --json                         the result as one JSON document on stdout (messages and progress stay on
                                 stderr; no colour)
  -h, --help                     this help; -v, --version: the version`;

const FOOTER = `Database commands read DATABASE_URL and IDENTSPHERE_SCHEMA (default identsphere) from the environment;
users, admin and api-keys speak Neon's HTTP protocol like the Worker (IDENTSPHERE_DATABASE_LOCAL_HTTP=true
for the local endpoint). Colour only on a terminal (NO_COLOR turns it off, FORCE_COLOR on).
Exit codes: 0 done, 1 failed or refused, 2 usage, 4 no such user or key.`;

export const USAGE = `usage: identsphere <command> [options]

${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n')}

${COMMON}

${FOOTER}`;

export function commandUsage(command: string): string {
  return `usage: identsphere ${command}${COMMANDS[command]!.subcommands ? ' <subcommand>' : ''} [options]\n\n${COMMANDS[command]!.usage}\n\n${COMMON}\n\n${FOOTER}`;
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export type Parsed =
  | { kind: 'print'; text: string; code: number }
  | { kind: 'run'; command: string; sub?: string; arg?: string; values: Record<string, string | boolean | string[] | undefined> };

/** Reads argv; throws UsageError for an unknown command, subcommand or flag. */
export function parseCommandLine(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return { kind: 'print', text: version(), code: EXIT.ok };
  if (command === '--help' || command === '-h') return { kind: 'print', text: USAGE, code: EXIT.ok };
  if (!command) return { kind: 'print', text: USAGE, code: EXIT.usage };
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`unknown command: ${command} (identsphere --help lists them)`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    // node:util's parse errors (unknown option, missing value) name the flag; the hint names the help.
    throw new UsageError(`${(err as Error).message.split(/\.\s/)[0]} (identsphere ${command} --help)`);
  }
  if (parsed.values.help) return { kind: 'print', text: commandUsage(command), code: EXIT.ok };
  const [sub, arg] = parsed.positionals;
  if (spec.subcommands && !spec.subcommands.includes(sub ?? '')) {
    throw new UsageError(`unknown ${command} command: ${sub ?? '(none)'}; one of ${spec.subcommands.join(', ')}`);
  }
  return { kind: 'run', command, sub, arg, values: parsed.values };
}
