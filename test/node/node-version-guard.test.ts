// On a Node older than 22.18, every entry point (npm install, npm run dev/test/e2e/bench, the identsphere bin)
// stops first with one clear line instead of an engine warning followed by ERR_UNKNOWN_FILE_EXTENSION.
// The old Node is faked by overriding process.versions.node before the CommonJS check loads.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = new URL('../../', import.meta.url).pathname;
const CHECK = `${repo}scripts/check-node.cjs`;
const BIN = `${repo}src/cli/identsphere.cjs`;

/** Runs `file` (with args) in a Node that reports `version`. */
async function runAs(version: string, file: string, args: string[] = []) {
  const fake = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });`;
  const script = `${fake} process.argv.splice(1, 0, ${JSON.stringify(file)}); require(${JSON.stringify(file)});`;
  try {
    const { stdout, stderr } = await run(process.execPath, ['-e', script, '--', ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('node version guard', () => {
  it.each(['20.11.1', '18.20.4', '22.17.0'])('Node %s: exit 1 with one line naming the requirement and the fix', async (version) => {
    const res = await runAs(version, CHECK);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^IdentSphere needs Node >= 22\\.18; you have ${version.replaceAll('.', '\\.')} — install Node 22, e\\.g\\. `),
      ),
    ]);
  });

  it.each(['22.18.0', '22.23.5', '24.1.0'])('Node %s passes silently', async (version) => {
    expect(await runAs(version, CHECK)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('the identsphere bin checks before it loads any TypeScript', async () => {
    const old = await runAs('20.11.1', BIN, ['secret', 'generate']);
    expect(old.code).toBe(1);
    expect(old.stdout).toBe('');
    expect(old.stderr).toMatch(/^IdentSphere needs Node >= 22\.18; you have 20\.11\.1/);
    expect(old.stderr).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION/);
    const current = await runAs(process.versions.node, BIN, ['secret', 'generate']);
    expect(current.code).toBe(0);
    expect(current.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('npm runs the check before install and before dev, test, e2e and bench; the bin is the shim', () => {
    const pkg = JSON.parse(readFileSync(`${repo}package.json`, 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    for (const script of ['preinstall', 'predev', 'pretest', 'pretest:e2e', 'prebench']) {
      expect(pkg.scripts[script], script).toBe('node scripts/check-node.cjs');
    }
    expect(pkg.bin.identsphere).toBe('src/cli/identsphere.cjs');
    const lock = JSON.parse(readFileSync(`${repo}package-lock.json`, 'utf8')) as {
      packages: Record<string, { bin?: Record<string, string> }>;
    };
    expect(lock.packages['']!.bin).toEqual(pkg.bin);
  });
});
