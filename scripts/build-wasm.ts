// Writes hash-wasm's argon2 and blake2b WebAssembly binaries to src/lib/wasm/*.wasm so wrangler bundles them
// as precompiled modules: Workers forbid compiling WebAssembly from bytes at run time, which is what hash-wasm's
// own loader does. Runs on `npm install` (postinstall); the output is generated and git-ignored.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dist = await readFile(require.resolve('hash-wasm/dist/index.esm.js'), 'utf8');
const outDir = new URL('../src/lib/wasm/', import.meta.url);
await mkdir(outDir, { recursive: true });

for (const name of ['argon2', 'blake2b']) {
  const match = dist.match(new RegExp(`var name(\\$\\w+)? = "${name}";\\s*var data\\1 = "([A-Za-z0-9+/=]+)"`));
  if (!match?.[2]) throw new Error(`hash-wasm: embedded ${name} module not found (package layout changed?)`);
  const bytes = Buffer.from(match[2], 'base64');
  if (!WebAssembly.validate(bytes)) throw new Error(`hash-wasm: ${name} is not valid WebAssembly`);
  await writeFile(new URL(`${name}.wasm`, outDir), bytes);
  console.log(`src/lib/wasm/${name}.wasm: ${bytes.length} bytes`);
}
