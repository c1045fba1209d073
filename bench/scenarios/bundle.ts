// Bundle size from `wrangler deploy --dry-run --outdir` (JavaScript + WebAssembly; source maps excluded), raw
// and gzip -9, and global-scope start-up: CPU time measured in a fresh workerd (bench/lib/startup.ts), plus
// one `wrangler check startup` run as a cross-check (a sampled CPU profile of start-up, noisy under load).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { measureStartup } from '../lib/startup.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const wrangler = join(root, 'node_modules/wrangler/bin/wrangler.js');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

export interface BundleFigures {
  rawBytes: number;
  gzipBytes: number;
  files: Record<string, number>;
  /** What wrangler itself printed ("Total Upload: … / gzip: …"). */
  wranglerSays: string | null;
  /** Global scope: CPU ms (median over runs) of importing the bundle in a fresh workerd, minus the same bytes
   *  listed as data (bench/lib/startup.ts). */
  startupCpuMs: number;
  /** The same minus an empty module only: includes embedding the files in workerd's text config. */
  startupWithEmbeddingCpuMs: number;
  startupRunsMs: number[];
  startupBytesOnlyRunsMs: number[];
  startupBaselineRunsMs: number[];
  /** `wrangler check startup`: non-idle sampled time of its start-up CPU profile (one run). */
  checkStartupActiveMs: number | null;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Non-idle sampled time of a V8 CPU profile, in ms. */
function activeMs(profilePath: string): number {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  return profile.samples.reduce((sum, id, i) => sum + (idle.has(id) ? 0 : (profile.timeDeltas[i] ?? 0)), 0) / 1000;
}

async function sizes(config: string, outdir: string) {
  const { stdout, stderr } = await run(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', outdir, '--config', config], {
    cwd: root,
    env,
    maxBuffer: 1 << 24,
  });
  const files: Record<string, number> = {};
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of listFiles(outdir).filter((f) => /\.(m?js|wasm)$/.test(f))) {
    const bytes = readFileSync(file);
    files[file.slice(outdir.length + 1)] = bytes.length;
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { rawBytes, gzipBytes, files, wranglerSays: /Total Upload:[^\n]*/.exec(stdout + stderr)?.[0]?.trim() ?? null };
}

async function checkStartup(config: string, profile: string): Promise<number | null> {
  try {
    await run(process.execPath, [wrangler, 'check', 'startup', '--outfile', profile, '--config', config], {
      cwd: root,
      env,
      maxBuffer: 1 << 24,
    });
    return activeMs(profile);
  } catch {
    return null;
  }
}

/** `configs`: name → wrangler config path. */
export async function measureBundles(
  configs: Record<string, string>,
  work: string,
  startupRuns: number,
): Promise<Record<string, BundleFigures>> {
  const measured: Record<string, Awaited<ReturnType<typeof sizes>>> = {};
  const outdirs: Record<string, string> = {};
  for (const [name, config] of Object.entries(configs)) {
    outdirs[name] = join(work, `bundle-${name}`);
    measured[name] = await sizes(config, outdirs[name]!);
  }
  const startup = await measureStartup(outdirs, work, startupRuns);
  const out: Record<string, BundleFigures> = {};
  for (const [name, config] of Object.entries(configs)) {
    const s = startup[name]!;
    out[name] = {
      ...measured[name]!,
      startupCpuMs: s.globalScopeCpuMs,
      startupWithEmbeddingCpuMs: s.withEmbeddingCpuMs,
      startupRunsMs: s.runsMs,
      startupBytesOnlyRunsMs: s.bytesOnlyRunsMs,
      startupBaselineRunsMs: s.baselineRunsMs,
      checkStartupActiveMs: await checkStartup(config, join(work, `${name}.cpuprofile`)),
    };
  }
  return out;
}
