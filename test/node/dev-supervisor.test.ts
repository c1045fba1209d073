// `npm run dev` (scripts/dev.ts) supervises its children with scripts/supervisor.ts: when one dies, the others
// are stopped and cleanup runs, with a non-zero exit code; nothing is left running. Real child processes.
import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { supervise } from '../../scripts/supervisor.ts';

/** A detached child (own process group) that starts a grandchild, as wrangler starts workerd; resolves with both pids. */
function childWithGrandchild(): Promise<{ p: ChildProcess; grandchild: number }> {
  const code = `const g = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    console.log(String(g.pid)); setInterval(() => {}, 1000);`;
  const p = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  return new Promise((resolve) => p.stdout!.once('data', (d: Buffer) => resolve({ p, grandchild: Number(String(d).trim()) })));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A long-running node process; `ignoreTerm` makes it shrug off SIGTERM (a hung child). */
function child(opts: { ignoreTerm?: boolean; exitAfterMs?: number; exitCode?: number } = {}): Promise<ChildProcess> {
  const code = [
    opts.ignoreTerm ? "process.on('SIGTERM', () => {});" : '',
    opts.exitAfterMs !== undefined ? `setTimeout(() => process.exit(${opts.exitCode ?? 0}), ${opts.exitAfterMs});` : '',
    "setInterval(() => {}, 1000); console.log('ready');",
  ].join('');
  const p = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => p.stdout!.once('data', () => resolve(p)));
}

const alive = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;

describe('dev supervisor', () => {
  it('a child killed by a signal stops the others, runs cleanup and exits non-zero', async () => {
    const [wrangler, other] = await Promise.all([child(), child()]);
    let cleaned = false;
    const sup = supervise({
      children: [
        { name: 'wrangler', process: wrangler },
        { name: 'other', process: other },
      ],
      cleanup: async () => void (cleaned = true),
    });
    wrangler.kill('SIGKILL');
    expect(await sup.done).toBe(1);
    expect(alive(other)).toBe(false);
    expect(other.signalCode).toBe('SIGTERM');
    expect(cleaned).toBe(true);
  });

  it('a child exiting on its own stops the others; the exit code is its own (a clean quit is 0)', async () => {
    const [quits, stays] = await Promise.all([child({ exitAfterMs: 100, exitCode: 0 }), child()]);
    const sup = supervise({
      children: [
        { name: 'quits', process: quits },
        { name: 'stays', process: stays },
      ],
    });
    expect(await sup.done).toBe(0);
    expect(alive(stays)).toBe(false);

    const [fails, waits] = await Promise.all([child({ exitAfterMs: 100, exitCode: 7 }), child()]);
    expect(
      await supervise({
        children: [
          { name: 'fails', process: fails },
          { name: 'waits', process: waits },
        ],
      }).done,
    ).toBe(7);
    expect(alive(waits)).toBe(false);
  });

  it('a child that ignores SIGTERM is killed after the grace period', async () => {
    const [dies, hung] = await Promise.all([child(), child({ ignoreTerm: true })]);
    const sup = supervise({
      children: [
        { name: 'dies', process: dies },
        { name: 'hung', process: hung },
      ],
      graceMs: 300,
    });
    dies.kill('SIGTERM');
    expect(await sup.done).toBe(1);
    expect(hung.signalCode).toBe('SIGKILL');
  });

  it('a requested stop (Ctrl-C) stops every child and exits 0', async () => {
    const [a, b] = await Promise.all([child(), child()]);
    const sup = supervise({
      children: [
        { name: 'a', process: a },
        { name: 'b', process: b },
      ],
    });
    expect(await sup.stop(0, 'interrupted')).toBe(0);
    expect(await sup.done).toBe(0);
    expect([alive(a), alive(b)]).toEqual([false, false]);
  });

  it('a process group is stopped whole: the grandchild goes too, even when its parent was SIGKILLed', async () => {
    const { p, grandchild } = await childWithGrandchild();
    const other = await child();
    const sup = supervise({
      children: [
        { name: 'wrangler', process: p, group: true },
        { name: 'other', process: other },
      ],
    });
    expect(pidAlive(grandchild)).toBe(true);
    p.kill('SIGKILL'); // the grandchild survives its parent: only the group signal reaches it
    expect(await sup.done).toBe(1);
    expect(pidAlive(grandchild)).toBe(false);
    expect(alive(other)).toBe(false);
  });
});
