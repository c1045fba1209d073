// Writes the argon2 and blake2b WebAssembly cores to src/crypto/wasm/*.wasm so wrangler bundles them as precompiled
// modules (Workers forbid compiling WebAssembly from bytes at run time, which is what hash-wasm's own loader
// does). With clang + wasm-ld (Debian: apt-get install -y clang lld) they are compiled from hash-wasm's C
// sources with SIMD; without, hash-wasm's prebuilt non-SIMD cores are used (see scripts/wasm/build.ts).
// Runs on `npm install` (postinstall); the output, and src/crypto/wasm/build.json describing it, are git-ignored.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildCores } from './wasm/build.ts';

const outDir = new URL('../src/crypto/wasm/', import.meta.url);
mkdirSync(outDir, { recursive: true });

const report = buildCores();
for (const core of report.cores) {
  writeFileSync(new URL(`${core.name}.wasm`, outDir), core.bytes);
  console.log(`src/crypto/wasm/${core.name}.wasm: ${core.bytes.length} bytes, ${core.kind}, sha256 ${core.sha256.slice(0, 16)}…`);
}
writeFileSync(
  new URL('build.json', outDir),
  `${JSON.stringify(
    {
      compiler: report.compiler,
      fallback_reason: report.fallbackReason,
      cores: Object.fromEntries(report.cores.map((c) => [c.name, { kind: c.kind, bytes: c.bytes.length, sha256: c.sha256 }])),
    },
    null,
    2,
  )}\n`,
);
if (report.fallbackReason) {
  console.warn(
    [
      '',
      "*** WARNING: argon2 is using hash-wasm's prebuilt NON-SIMD WebAssembly core.",
      `*** Reason: ${report.fallbackReason}`,
      '*** Password hashes stay correct but run several times slower inside workerd than the SIMD build.',
      '*** Install clang and lld (Debian/Ubuntu: apt-get install -y clang lld), then `node scripts/build-wasm.ts`.',
      '',
    ].join('\n'),
  );
} else {
  console.log(`argon2/blake2b compiled with SIMD by ${report.compiler}; identical to hash-wasm's cores on the self-check.`);
}
