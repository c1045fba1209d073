// The committed cores (src/crypto/wasm/*.wasm) and their manifest (src/crypto/wasm/manifest.json): what was
// built, from which sources, with which compiler and flags, and each core's sha256.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUILD_FLAGS, type BuildReport, type CoreName, sha256, sourcesSha256 } from './build.ts';

export const CORE_NAMES: readonly CoreName[] = ['argon2', 'blake2b'];

export interface Manifest {
  note: string;
  hash_wasm: string;
  compiler: string;
  flags: typeof BUILD_FLAGS;
  sources_sha256: string;
  cores: Record<CoreName, { kind: 'clang-simd128'; bytes: number; sha256: string }>;
}

const require = createRequire(import.meta.url);
const hashWasmVersion = (): string => (require('hash-wasm/package.json') as { version: string }).version;

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * Throws unless every core in `dir` is valid WebAssembly whose sha256 is the manifest's. Needs no compiler:
 * this is what `npm install` runs.
 */
export function checkCommitted(dir: string): Manifest {
  const manifest = readManifest(dir);
  for (const name of CORE_NAMES) {
    const bytes = new Uint8Array(readFileSync(join(dir, `${name}.wasm`)));
    const expected = manifest.cores[name];
    if (!expected || sha256(bytes) !== expected.sha256 || bytes.length !== expected.bytes || !WebAssembly.validate(bytes)) {
      throw new Error(
        `${name}.wasm in ${dir} does not match manifest.json (sha256 ${sha256(bytes)}, expected ${expected?.sha256}): ` +
          'restore it (git checkout) or rebuild with `node scripts/build-wasm.ts --rebuild` (needs clang and lld)',
      );
    }
  }
  return manifest;
}

/** Writes the cores and their manifest into `dir`. */
export function writeCommitted(dir: string, report: BuildReport): Manifest {
  const manifest: Manifest = {
    note: 'Written by `node scripts/build-wasm.ts --rebuild`; CI rebuilds with clang and fails if the bytes differ (--verify).',
    hash_wasm: hashWasmVersion(),
    compiler: report.compiler,
    flags: BUILD_FLAGS,
    sources_sha256: sourcesSha256(),
    cores: Object.fromEntries(
      report.cores.map((c) => [c.name, { kind: 'clang-simd128', bytes: c.bytes.length, sha256: c.sha256 }]),
    ) as Manifest['cores'],
  };
  for (const core of report.cores) writeFileSync(join(dir, `${core.name}.wasm`), core.bytes);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Compares a fresh build with the manifest: [] when byte-identical, otherwise what differs (and why it may,
 * when the compiler, hash-wasm or the sources are not the ones the manifest was built from).
 */
export function differences(manifest: Manifest, report: BuildReport): string[] {
  const out: string[] = [];
  for (const core of report.cores) {
    const expected = manifest.cores[core.name];
    if (core.sha256 !== expected.sha256) out.push(`${core.name}: built sha256 ${core.sha256}, committed ${expected.sha256}`);
  }
  if (!out.length) return out;
  if (report.compiler !== manifest.compiler) out.push(`compiler: ${report.compiler}, the committed cores: ${manifest.compiler}`);
  if (hashWasmVersion() !== manifest.hash_wasm) out.push(`hash-wasm: ${hashWasmVersion()}, the committed cores: ${manifest.hash_wasm}`);
  if (sourcesSha256() !== manifest.sources_sha256) out.push('the C sources (or the argon2.c patch) changed since the committed build');
  if (JSON.stringify(BUILD_FLAGS) !== JSON.stringify(manifest.flags)) out.push('the compiler flags changed since the committed build');
  return out;
}
