#!/usr/bin/env node
// The `identsphere` command (Node >= 22.18): migrate, doctor, smoke, audit prune, keys, secret generate, email
// preview, users, admin, api-keys. Usage and flags: cli-args.ts; printing (--json, colour, progress): cli-output.ts.
import { randomBytes } from 'node:crypto';
import { EXIT, type Parsed, parseCommandLine, UsageError } from './cli-args.ts';
import { createOutput, type Output } from './cli-output.ts';
import { auditPrune, databaseUrl, keys, migrate, schemaName } from './db-commands.ts';

type Values = Extract<Parsed, { kind: 'run' }>['values'];

async function doctorCommand(values: Values, out: Output): Promise<number> {
  // Loaded on demand: it reads wrangler's configuration through wrangler itself (slow to import).
  const { doctor, formatChecks } = await import('./doctor.ts');
  const env = values.env as string | undefined;
  const config = values.config as string;
  const compareVars = values['compare-vars'] as string[];
  const results = await doctor({
    env,
    config,
    varsFiles: values['vars-file'] as string[],
    // Another environment's secret must differ: compare with the dev one by default.
    compareVars: compareVars.length ? compareVars : env ? ['.dev.vars'] : [],
    processEnv: process.env,
  });
  const failed = results.some((r) => r.status === 'fail');
  out.data(
    { environment: env ?? null, config, ok: !failed, checks: results },
    (paint) => `identsphere doctor — environment ${env ?? '(top level)'} of ${config}\n${formatChecks(results, paint)}`,
  );
  return failed ? EXIT.refused : EXIT.ok;
}

async function smokeCommand(baseUrl: string | undefined, values: Values, out: Output): Promise<number> {
  if (!baseUrl) throw new UsageError('smoke needs the base URL, e.g. identsphere smoke https://auth.example.com');
  const { smoke } = await import('./smoke.ts');
  const result = await smoke(baseUrl, {
    keep: values.keep === true,
    origin: typeof values.origin === 'string' ? values.origin : undefined,
    turnstileToken: typeof values['turnstile-token'] === 'string' ? values['turnstile-token'] : undefined,
  });
  // The smoke result first; a failed clean-up is reported after it and fails the run too.
  out.data(result, (paint) =>
    [
      ...result.steps.map((s) => `${s.ok ? paint('green', 'PASS') : paint('red', 'FAIL')}  ${s.name} — ${s.detail}`),
      result.ok ? paint('green', 'smoke test passed') : paint('red', 'smoke test FAILED'),
      result.cleanup.status === 'failed' ? paint('red', `clean-up FAILED: ${result.cleanup.detail}`) : `clean-up: ${result.cleanup.detail}`,
    ].join('\n'),
  );
  return result.ok && result.cleanup.status !== 'failed' ? EXIT.ok : EXIT.refused;
}

async function adminCommand(command: string, sub: string | undefined, arg: string | undefined, values: Values) {
  const { cliDataDeps } = await import('./cli-deps.ts');
  const { runAdminCommand } = await import('./admin-commands.ts');
  const deps = cliDataDeps(databaseUrl(), schemaName(), process.env);
  const disabled = values.disabled ? true : values.enabled ? false : undefined;
  const result = await runAdminCommand(deps, command, sub, arg, {
    ...(values as Record<string, string | undefined>),
    disabled,
    json: values.json === true,
    passkeys: values.passkeys === true,
    yes: values.yes === true,
  });
  if (result.stdout.length) console.log(result.stdout.join('\n'));
  if (result.stderr.length) console.error(result.stderr.join('\n'));
  return result.code;
}

async function run(parsed: Extract<Parsed, { kind: 'run' }>, out: Output): Promise<number> {
  const { command, sub, arg, values } = parsed;
  switch (command) {
    case 'migrate':
      return migrate(sub, out);
    case 'doctor':
      return doctorCommand(values, out);
    case 'smoke':
      return smokeCommand(sub, values, out);
    case 'audit':
      return auditPrune((values['older-than'] as string | undefined) ?? arg, out);
    case 'keys':
      return keys(sub, out);
    case 'email': {
      const { emailPreview } = await import('./email-preview.ts');
      const result = emailPreview(arg, values);
      if (result.code === EXIT.usage) throw new UsageError(result.lines.join('\n'));
      out.data(result.written, () => result.lines.join('\n'));
      return result.code;
    }
    case 'secret': {
      const secret = randomBytes(32).toString('hex');
      out.data({ secret }, () => secret);
      return EXIT.ok;
    }
    default:
      return adminCommand(command, sub, arg, values);
  }
}

/** Created once the flags are read; the fallback (usage errors) prints without --json. */
let out: Output | undefined;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === 'print') {
    (parsed.code === EXIT.ok ? process.stdout : process.stderr).write(`${parsed.text}\n`);
    return parsed.code;
  }
  out = createOutput(parsed.values.json === true);
  return run(parsed, out);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    (out ?? createOutput(false)).error(`identsphere: ${err.message}`);
    process.exit(err instanceof UsageError ? EXIT.usage : EXIT.refused);
  },
);
