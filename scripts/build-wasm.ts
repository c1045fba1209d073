// The argon2 and blake2b WebAssembly cores the Worker ships are committed (src/crypto/wasm/*.wasm), built with
// WebAssembly SIMD by clang, with their sha256 in src/crypto/wasm/manifest.json. Workers forbid compiling
// WebAssembly from bytes at run time, so wrangler bundles them as precompiled modules.
//
//   node scripts/build-wasm.ts            `npm install` (postinstall): checks the committed cores against the
//                                         manifest. No compiler needed, nothing written: every install ships the
//                                         same SIMD cores.
//   node scripts/build-wasm.ts --verify   CI: rebuilds them with clang (to a temporary place) and fails unless
//                                         the bytes equal the committed ones.
//   node scripts/build-wasm.ts --rebuild  rebuilds them with clang and writes the cores and the manifest (after
//                                         changing the sources, hash-wasm or the flags; commit the result).
// Rebuilds need clang and wasm-ld (Debian: apt-get install -y clang lld); the build is reproducible (pinned
// flags and sources), and self-checked against hash-wasm's prebuilt cores (scripts/wasm/self-check.ts).
import { fileURLToPath } from 'node:url';
import { buildSimdCores } from './wasm/build.ts';
import { checkCommitted, differences, readManifest, writeCommitted } from './wasm/manifest.ts';

const dir = fileURLToPath(new URL('../src/crypto/wasm/', import.meta.url));
const mode = process.argv[2] ?? '--check';

try {
  if (mode === '--check') {
    const m = checkCommitted(dir);
    console.log(
      `argon2/blake2b: the committed SIMD cores (${m.compiler}; sha256 ${m.cores.argon2.sha256.slice(0, 12)}…, ${m.cores.blake2b.sha256.slice(0, 12)}… as in manifest.json)`,
    );
  } else if (mode === '--verify') {
    checkCommitted(dir);
    const report = buildSimdCores();
    const diff = differences(readManifest(dir), report);
    if (diff.length) throw new Error(`a clang build differs from the committed cores:\n  ${diff.join('\n  ')}`);
    console.log(`argon2/blake2b: rebuilt with ${report.compiler}, byte-identical to the committed cores`);
  } else if (mode === '--rebuild') {
    const m = writeCommitted(dir, buildSimdCores());
    console.log(`argon2/blake2b: rebuilt with ${m.compiler}; wrote src/crypto/wasm/{argon2,blake2b}.wasm and manifest.json`);
    for (const name of ['argon2', 'blake2b'] as const)
      console.log(`  ${name}.wasm ${m.cores[name].bytes} bytes, sha256 ${m.cores[name].sha256}`);
  } else {
    throw new Error(`unknown option ${mode} (none, --verify or --rebuild)`);
  }
} catch (e) {
  console.error(`scripts/build-wasm.ts ${mode}: ${(e as Error).message}`);
  process.exit(1);
}
