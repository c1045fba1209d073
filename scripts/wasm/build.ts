// Builds the argon2 and blake2b WebAssembly cores the Worker ships (src/crypto/wasm/*.wasm, committed with their
// sha256 in src/crypto/wasm/manifest.json; scripts/build-wasm.ts). Workers forbid compiling WebAssembly from
// bytes at run time, so the cores reach the Worker as modules wrangler precompiles.
//
// hash-wasm's own C sources (shipped in the npm package, pinned) compiled by clang for wasm32 with SIMD, using
// hash-wasm's own flags plus -msimd128; argon2.c's scalar `block()` is replaced by the SIMD version in
// argon2-block-simd.h (the hot loop: ~4x fewer instructions than hash-wasm's prebuilt, non-SIMD core).
// hash-wasm's prebuilt cores (extracted from its dist) are the self-check's oracle and the bench's yardstick.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossCheck } from './self-check.ts';

export type CoreName = 'argon2' | 'blake2b';

export interface BuiltCore {
  name: CoreName;
  bytes: Uint8Array;
  sha256: string;
}

export interface BuildReport {
  cores: BuiltCore[];
  /** `clang --version`'s first line. */
  compiler: string;
}

const require = createRequire(import.meta.url);
const hashWasmSrc = join(dirname(require.resolve('hash-wasm/package.json')), 'src');
const here = dirname(fileURLToPath(import.meta.url));

// hash-wasm's scripts/Makefile-clang (4.13.0), plus -msimd128. argon2 may grow to 2 GiB like hash-wasm's own.
const CFLAGS = ['-flto', '-O3', '-nostdlib', '-fno-builtin', '-ffreestanding', '--target=wasm32', '-msimd128'];
const LDFLAGS = [
  '-Wl,--strip-all',
  '-Wl,--initial-memory=131072',
  '-Wl,--no-entry',
  '-Wl,--allow-undefined',
  '-Wl,--compress-relocations',
  '-Wl,--export-dynamic',
];
const MAX_MEMORY: Record<CoreName, string> = { argon2: '2147483648', blake2b: '131072' };

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** hash-wasm's prebuilt (non-SIMD) core, base64 inside its dist bundle. */
export function extractPrebuilt(name: CoreName): Uint8Array {
  const dist = readFileSync(require.resolve('hash-wasm/dist/index.esm.js'), 'utf8');
  const match = dist.match(new RegExp(`var name(\\$\\w+)? = "${name}";\\s*var data\\1 = "([A-Za-z0-9+/=]+)"`));
  if (!match?.[2]) throw new Error(`hash-wasm: embedded ${name} module not found (package layout changed?)`);
  const bytes = new Uint8Array(Buffer.from(match[2], 'base64'));
  if (!WebAssembly.validate(bytes)) throw new Error(`hash-wasm: ${name} is not valid WebAssembly`);
  return bytes;
}

const MAIN_BLOCK_CALL = `          block(
            (uint64_t *)&B[offset * 1024],
            (uint64_t *)&B[prev * 1024],
            (uint64_t *)&B[newOffset * 1024],
            1
          );`;

/**
 * hash-wasm's argon2.c with two changes, failing loudly if its source no longer has the expected shape:
 *  1. the scalar block() is replaced by the SIMD one (argon2-block-simd.h);
 *  2. the first pass overwrites blocks instead of XORing into them (RFC 9106 v1.3: XOR only from the second
 *     pass on). hash-wasm XORs on every pass and relies on zeroed memory, so its callers must wipe ~19 MiB
 *     before each hash; with this change they need not. The exported marker tells src/crypto/argon2.ts so.
 */
export function patchedArgon2Source(): string {
  const source = readFileSync(join(hashWasmSrc, 'argon2.c'), 'utf8');
  const start = source.indexOf('uint64_t t[128];\n\nvoid block(uint64_t *z, uint64_t *a, uint64_t *b, int32_t xor) {');
  const end = source.indexOf('uint64_t addresses[128];');
  const call = source.indexOf(MAIN_BLOCK_CALL);
  if (start < 0 || end < start || call < end || source.indexOf(MAIN_BLOCK_CALL, call + 1) >= 0) {
    throw new Error("hash-wasm's argon2.c no longer has the expected block() and main loop (package updated?)");
  }
  const marker = 'WASM_EXPORT\nuint32_t Argon2_FirstPassOverwrites() {\n  return 1;\n}\n\n';
  return (
    `${source.slice(0, start)}#include "argon2-block-simd.h"\n\n${marker}${source.slice(end, call)}` +
    MAIN_BLOCK_CALL.replace(/1\n {10}\);$/, 'k != 0\n          );') +
    source.slice(call + MAIN_BLOCK_CALL.length)
  );
}

function clangVersion(clang: string): string | null {
  try {
    return execFileSync(clang, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]!
      .trim();
  } catch {
    return null;
  }
}

/** The first clang on PATH (plain `clang`, then versioned names Debian installs). */
export function findClang(): { path: string; version: string } | null {
  for (const candidate of [process.env.CLANG, 'clang', ...[21, 20, 19, 18, 17, 16, 15, 14].map((v) => `clang-${v}`)]) {
    if (!candidate) continue;
    const version = clangVersion(candidate);
    if (version) return { path: candidate, version };
  }
  return null;
}

/** Compiles one core with clang (SIMD). Throws with clang's message when the toolchain is incomplete. */
export function compileSimd(clang: string, name: CoreName): Uint8Array {
  const work = mkdtempSync(join(tmpdir(), 'identsphere-wasm-'));
  try {
    const source = join(work, `${name}.c`);
    writeFileSync(source, name === 'argon2' ? patchedArgon2Source() : readFileSync(join(hashWasmSrc, `${name}.c`), 'utf8'));
    const out = join(work, `${name}.wasm`);
    const args = [...CFLAGS, `-I${hashWasmSrc}`, `-I${here}`, ...LDFLAGS, `-Wl,--max-memory=${MAX_MEMORY[name]}`, '-o', out, source];
    try {
      execFileSync(clang, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`${clang} failed for ${name}: ${stderr || (e as Error).message}`);
    }
    const bytes = new Uint8Array(readFileSync(out));
    if (!WebAssembly.validate(bytes)) throw new Error(`${name}: clang produced invalid WebAssembly`);
    return bytes;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The C sources a build compiles, in order (the patched argon2.c, blake2b.c, the SIMD block): their sha256. */
export function sourcesSha256(): string {
  const hash = createHash('sha256');
  for (const text of [
    patchedArgon2Source(),
    readFileSync(join(hashWasmSrc, 'blake2b.c'), 'utf8'),
    readFileSync(join(here, 'argon2-block-simd.h'), 'utf8'),
  ]) {
    hash.update(text);
  }
  return hash.digest('hex');
}

/** The compiler and linker flags, pinned: the same sources, flags and clang give the same bytes. */
export const BUILD_FLAGS = { cflags: CFLAGS, ldflags: LDFLAGS, max_memory: MAX_MEMORY };

/**
 * Compiles both cores with clang (SIMD) and checks them against hash-wasm's prebuilt cores on the self-check
 * inputs. Throws when clang or wasm-ld is missing or the self-check fails: there is no fallback, the committed
 * cores (src/crypto/wasm) are what ships.
 */
export function buildSimdCores(): BuildReport {
  const clang = findClang();
  if (!clang) throw new Error('clang not found (Debian: apt-get install -y clang lld; or set CLANG)');
  const simd = { argon2: compileSimd(clang.path, 'argon2'), blake2b: compileSimd(clang.path, 'blake2b') };
  crossCheck(simd, { argon2: extractPrebuilt('argon2'), blake2b: extractPrebuilt('blake2b') });
  const cores = (['argon2', 'blake2b'] as const).map((name) => ({ name, bytes: simd[name], sha256: sha256(simd[name]) }));
  return { cores, compiler: clang.version };
}
