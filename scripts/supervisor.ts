// Keeps a set of child processes alive together: when any one of them dies, or the supervisor is told to stop,
// every other one is stopped (SIGTERM, then SIGKILL after a grace period) and cleanup runs. The exit code is
// the dead child's own, or 1 when it was killed by a signal. A child spawned `detached` is stopped as a whole
// process group, so its own children (wrangler's workerd) go too, even after it was killed itself.
import type { ChildProcess } from 'node:child_process';

export interface SupervisedChild {
  name: string;
  process: ChildProcess;
  /** Spawned with `detached: true`: signal its whole process group. */
  group?: boolean;
}

export interface SupervisorOptions {
  children: SupervisedChild[];
  /** Runs once, after every child has exited (e.g. closing the in-process database endpoint). */
  cleanup?: () => Promise<void>;
  /** How long a child gets to exit after SIGTERM before SIGKILL (default 5 s). */
  graceMs?: number;
  log?: (line: string) => void;
}

export interface Supervisor {
  /** Stops everything; resolves with the exit code (the first stop's code wins). */
  stop(code: number, reason: string): Promise<number>;
  /** Resolves with the exit code once everything has stopped. */
  done: Promise<number>;
}

const running = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;

/** Sends a signal; false when nothing was left to receive it. */
function signal(c: SupervisedChild, sig: NodeJS.Signals | 0): boolean {
  if (!c.group) return running(c.process) && (sig === 0 || c.process.kill(sig));
  try {
    process.kill(-c.process.pid!, sig);
    return true;
  } catch {
    return false; // ESRCH: the whole group is gone
  }
}

async function terminate(c: SupervisedChild, graceMs: number): Promise<void> {
  if (!signal(c, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (signal(c, 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  signal(c, 'SIGKILL');
  while (signal(c, 0)) await new Promise((r) => setTimeout(r, 20));
}

export function supervise({ children, cleanup, graceMs = 5000, log = () => {} }: SupervisorOptions): Supervisor {
  let stopping: Promise<number> | undefined;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  function stop(code: number, reason: string): Promise<number> {
    stopping ??= (async () => {
      log(`stopping: ${reason}`);
      await Promise.all(children.map((c) => terminate(c, graceMs)));
      try {
        await cleanup?.();
      } catch (err) {
        log(`cleanup failed: ${String(err)}`);
        code ||= 1;
      }
      resolveDone(code);
      return code;
    })();
    return stopping;
  }

  for (const { name, process } of children) {
    const onExit = (code: number | null, sig: NodeJS.Signals | null) =>
      void stop(code ?? 1, `${name} exited (${sig ? `signal ${sig}` : `code ${code}`})`);
    if (running(process)) process.once('exit', onExit);
    else void onExit(process.exitCode, process.signalCode as NodeJS.Signals | null);
    process.once('error', (err) => void stop(1, `${name} failed: ${err.message}`));
  }
  return { stop, done };
}
