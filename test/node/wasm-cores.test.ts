// Every install ships the fast argon2 core: `npm install` (postinstall: scripts/build-wasm.ts) on a machine
// without clang keeps the committed SIMD cores, byte for byte those of the manifest (which CI's
// `node scripts/build-wasm.ts --verify` rebuilds with clang and compares), and never falls back to hash-wasm's
// slower prebuilt ones. A core that does not match its manifest fails the install.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractPrebuilt, sha256 } from '../../scripts/wasm/build.ts';
import { CORE_NAMES, checkCommitted, readManifest } from '../../scripts/wasm/manifest.ts';

const root = join(import.meta.dirname, '../..');
const wasmDir = join(root, 'src/crypto/wasm');
const coreBytes = (dir: string, name: string) => new Uint8Array(readFileSync(join(dir, `${name}.wasm`)));
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'identsphere-wasm-test-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the committed WebAssembly cores', () => {
  it('npm install without clang keeps the committed SIMD cores, with no warning', () => {
    // A PATH holding node only: no clang, clang-NN or wasm-ld reachable.
    const bin = tempDir();
    symlinkSync(process.execPath, join(bin, 'node'));
    const noClang = { PATH: bin, HOME: process.env.HOME ?? tmpdir() };
    expect(spawnSync('/bin/sh', ['-c', 'command -v clang || command -v clang-14 || command -v wasm-ld'], { env: noClang }).status).not.toBe(
      0,
    );
    const before = CORE_NAMES.map((name) => sha256(coreBytes(wasmDir, name)));

    const postinstall = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
      .postinstall!;
    const run = spawnSync('/bin/sh', ['-c', postinstall], { cwd: root, env: noClang, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/the committed SIMD cores/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/warning|prebuilt|non-simd/i);

    const manifest = readManifest(wasmDir);
    CORE_NAMES.forEach((name, i) => {
      const bytes = coreBytes(wasmDir, name);
      expect(sha256(bytes)).toBe(before[i]); // nothing rewritten
      expect(manifest.cores[name]).toEqual({ kind: 'clang-simd128', bytes: bytes.length, sha256: sha256(bytes) });
      expect(sha256(bytes)).not.toBe(sha256(extractPrebuilt(name))); // not hash-wasm's non-SIMD core
    });
    // The marker only the SIMD build exports (scripts/wasm/build.ts: the first pass overwrites).
    const NodeModule = WebAssembly.Module as unknown as new (bytes: Uint8Array) => WebAssembly.Module;
    const exports = WebAssembly.Module.exports(new NodeModule(coreBytes(wasmDir, 'argon2'))).map((e) => e.name);
    expect(exports).toContain('Argon2_FirstPassOverwrites');
  });

  it('the Worker imports exactly the committed cores', () => {
    const source = readFileSync(join(root, 'src/crypto/argon2.ts'), 'utf8');
    expect(source).toContain("from './wasm/argon2.wasm'");
    expect(source).toContain("from './wasm/blake2b.wasm'");
    // Not git-ignored: they are committed, and a fresh clone has them.
    for (const path of [...CORE_NAMES.map((n) => `src/crypto/wasm/${n}.wasm`), 'src/crypto/wasm/manifest.json']) {
      expect(spawnSync('git', ['check-ignore', '-q', path], { cwd: root }).status, path).toBe(1);
    }
  });

  it('a core that differs from its manifest fails the check', () => {
    const dir = tempDir();
    cpSync(wasmDir, dir, { recursive: true });
    expect(checkCommitted(dir).cores.argon2.sha256).toBe(readManifest(wasmDir).cores.argon2.sha256);
    const bytes = coreBytes(dir, 'blake2b');
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(join(dir, 'blake2b.wasm'), bytes);
    expect(() => checkCommitted(dir)).toThrow(/blake2b\.wasm .* does not match manifest\.json/);
  });
});
