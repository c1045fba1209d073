// The `identsphere` command line as a script or a person meets it: --version, --help for every command, an
// unknown flag is a usage error (exit 2), --json is one parseable document on stdout for every command that
// prints data, colour only on a terminal or with FORCE_COLOR (never with --json or NO_COLOR), and progress
// lines on stderr for long work. Child processes against the local Neon-HTTP endpoint (PGlite).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NeonLocal, startNeonLocal } from '@identsphere/neon-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/cli-args.ts';
import { colorEnabled, createOutput } from '../../src/cli/cli-output.ts';
import { cli } from './cli-support.ts';

const repo = new URL('../../', import.meta.url).pathname;
const ANSI = '\x1b[';
let local: NeonLocal;
const schema = `flags_${crypto.randomUUID().slice(0, 8)}`;
const env = () => ({
  DATABASE_URL: `postgres://identsphere:local@127.0.0.1:${local.port}/identsphere`,
  IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
  IDENTSPHERE_SCHEMA: schema,
});

beforeAll(async () => {
  local = await startNeonLocal({});
});
afterAll(async () => {
  await local?.backend.query(`drop schema if exists "${schema}" cascade`, []);
  await local?.close();
});

describe('identsphere --version and --help', () => {
  it('--version and -v print the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const res = await cli([flag]);
      expect(res).toMatchObject({ code: 0, stdout: `${version}\n` });
    }
  });

  it('--help lists every command (exit 0); no command at all is a usage error (exit 2)', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of Object.keys(COMMANDS)) expect(help.stdout).toContain(`  ${command} `);
    expect((await cli([])).code).toBe(2);
  });

  it.each(Object.keys(COMMANDS))('%s --help (and with its subcommand) prints its usage, exit 0', async (command) => {
    const res = await cli([command, '--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^usage: identsphere ${command}`));
    expect(res.stdout).toContain(COMMANDS[command]!.usage);
    const sub = COMMANDS[command]!.subcommands?.[0];
    if (sub) expect(await cli([command, sub, '-h'])).toMatchObject({ code: 0, stdout: res.stdout });
  });

  it.each(Object.keys(COMMANDS))('%s refuses an unknown flag with exit 2, naming it and the help', async (command) => {
    const res = await cli([command, ...(COMMANDS[command]!.subcommands?.slice(0, 1) ?? []), '--frobnicate']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(new RegExp(`Unknown option '--frobnicate' \\(identsphere ${command} --help\\)`));
    expect(res.stdout).toBe('');
  });

  it('a flag of another command is unknown here too', async () => {
    expect((await cli(['migrate', 'up', '--yes'], env())).code).toBe(2);
    expect((await cli(['secret', 'generate', '--older-than', '3'])).code).toBe(2);
  });
});

describe('--json: one JSON document on stdout, progress and messages on stderr', () => {
  it('migrate up (with one progress line per migration), migrate status, keys, audit prune, secret', async () => {
    const journal = JSON.parse(readFileSync(join(repo, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const tags = journal.entries.map((e) => e.tag);
    const up = await cli(['migrate', 'up', '--json'], env());
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toEqual({ schema, applied: tags });
    // Piped: plain lines, no cursor movement.
    expect(up.stderr.trim().split('\n')).toEqual(tags.map((tag, i) => `applying ${i + 1}/${tags.length} ${tag}…`));
    expect(JSON.parse((await cli(['migrate', 'up', '--json'], env())).stdout)).toEqual({ schema, applied: [] });
    expect(JSON.parse((await cli(['migrate', 'status', '--json'], env())).stdout)).toEqual({ schema, applied: tags, pending: [] });

    const rotated = JSON.parse((await cli(['keys', 'rotate', '--json'], env())).stdout) as { kid: string };
    const listed = JSON.parse((await cli(['keys', 'list', '--json'], env())).stdout) as { kid: string; state: string }[];
    expect(listed).toEqual([expect.objectContaining({ kid: rotated.kid, state: 'signing' })]);

    await local.backend.query(
      `insert into "${schema}".audit_logs (event, created_at) select 'old', now() - interval '100 days' from generate_series(1, 10001)`,
      [],
    );
    const pruned = await cli(['audit', 'prune', '--older-than', '30', '--json'], env());
    expect(JSON.parse(pruned.stdout)).toEqual({ deleted: 10001, older_than_days: 30 });
    expect(pruned.stderr.trim().split('\n')).toEqual([
      'pruning audit_logs: batch 1, 5000 rows deleted so far…',
      'pruning audit_logs: batch 2, 10000 rows deleted so far…',
    ]);

    expect(JSON.parse((await cli(['secret', 'generate', '--json'])).stdout)).toEqual({ secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse((await cli(['users', 'list', '--json'], env())).stdout)).toMatchObject({ users: [] });
  });

  it('email preview names what it wrote', async () => {
    const out = mkdtempSync(join(tmpdir(), 'preview-json-'));
    const res = await cli(['email', 'preview', 'verify_email', '--out', out, '--json']);
    expect(JSON.parse(res.stdout)).toEqual({
      subject: expect.any(String),
      html: join(out, 'verify_email.en.html'),
      text: join(out, 'verify_email.en.txt'),
    });
  });

  it('doctor gives every check with its status, and still exits 1 on a failing item', async () => {
    const res = await cli(['doctor', '--env', 'production', '--config', join(repo, 'wrangler.toml'), '--json', '--compare-vars', '/x'], {
      DATABASE_URL: '',
      FORCE_COLOR: '1',
    });
    expect(res.code).toBe(1);
    expect(res.stdout).not.toContain(ANSI);
    const report = JSON.parse(res.stdout) as { ok: boolean; environment: string; checks: { status: string; item: string }[] };
    expect(report).toMatchObject({ ok: false, environment: 'production' });
    expect(report.checks.some((c) => c.status === 'fail')).toBe(true);
  });

  it('smoke gives its steps and clean-up (a failed run: exit 1)', async () => {
    const res = await cli(['smoke', 'http://127.0.0.1:9', '--json']);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, cleanup: { status: 'none' }, steps: [{ name: 'register', ok: false }] });
  });
});

describe('colour', () => {
  it('none when piped; FORCE_COLOR turns it on, NO_COLOR and FORCE_COLOR=0 keep it off', async () => {
    const piped = await cli(['smoke', 'http://127.0.0.1:9']);
    expect(piped.stdout).toMatch(/^FAIL {2}register/);
    expect(piped.stdout + piped.stderr).not.toContain(ANSI);
    const forced = await cli(['smoke', 'http://127.0.0.1:9'], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\x1b[31mFAIL\x1b[39m  register');
    expect((await cli(['smoke', 'http://127.0.0.1:9'], { NO_COLOR: '1' })).stdout).not.toContain(ANSI);
    expect((await cli(['smoke', 'http://127.0.0.1:9'], { FORCE_COLOR: '0' })).stdout).not.toContain(ANSI);
    const status = await cli(['migrate', 'status'], { ...env(), FORCE_COLOR: '1' });
    expect(status.stdout).toContain('\x1b[32mapplied\x1b[39m  0000_init');
  });

  it('on a terminal: colour unless NO_COLOR or TERM=dumb; progress rewritten in place', () => {
    const tty = { isTTY: true, write: () => true };
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled({ write: () => true }, {})).toBe(false);
    const written: string[] = [];
    const stream = { isTTY: true, write: (s: string) => written.push(s) };
    const out = createOutput(false, { stdout: stream, stderr: stream }, {});
    out.progress('applying 1/2 a…');
    out.progress('applying 2/2 b…');
    out.data({}, () => 'done');
    expect(written).toEqual(['\r\x1b[2Kapplying 1/2 a…', '\r\x1b[2Kapplying 2/2 b…', '\n', 'done\n']);
  });
});
