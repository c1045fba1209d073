// Build-time self-check: freshly compiled cores must compute exactly what hash-wasm's prebuilt cores compute
// (the prebuilt ones are the oracle here; the test suites check both against native argon2 and RFC 9106).
import type { CoreName } from './build.ts';

interface Argon2Exports {
  memory: WebAssembly.Memory;
  Hash_GetBuffer(): number;
  Hash_SetMemorySize(bytes: number): number;
  Hash_Calculate(length: number, memoryKiB: number): void;
}

interface Blake2bExports {
  memory: WebAssembly.Memory;
  Hash_GetBuffer(): number;
  Hash_Init(bits: number): void;
  Hash_Update(length: number): void;
  Hash_Final(): void;
}

// Runs in Node at build time. The project's types are the Workers ones, which declare WebAssembly.Module
// abstract (Workers forbid compiling bytes); Node allows it.
const NodeModule = WebAssembly.Module as unknown as new (bytes: Uint8Array) => WebAssembly.Module;
const instantiate = <T>(bytes: Uint8Array) => new WebAssembly.Instance(new NodeModule(bytes), {}).exports as unknown as T;

/** Deterministic filler (xorshift32), so both cores see identical inputs. */
function pseudoRandom(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * Runs the argon2 core's fill over memory seeded with pseudo-random first blocks; returns the blocks in use.
 * `dirty`: fill memory with garbage first (a core that overwrites on the first pass must not read it).
 */
function argon2Memory(bytes: Uint8Array, m: number, t: number, p: number, type: number, dirty: boolean): Uint8Array {
  const ex = instantiate<Argon2Exports>(bytes);
  const offset = ex.Hash_GetBuffer();
  // The core pre-allocates 512 KiB and its Hash_SetMemorySize may only grow (it subtracts unsigned).
  if (m * 1024 + 1024 > 512 * 1024 && ex.Hash_SetMemorySize(m * 1024 + 1024) !== 0) throw new Error('self-check: argon2 out of memory');
  const memory = new Uint8Array(ex.memory.buffer, offset, m * 1024 + 1024);
  if (dirty) memory.fill(0xa5);
  const laneBlocks = Math.floor(m / (p * 4)) * 4;
  for (let lane = 0; lane < p; lane++) memory.set(pseudoRandom(2048, 7 + lane * 31 + m + t), lane * laneBlocks * 1024);
  const params = new DataView(memory.buffer, offset + m * 1024, 24);
  [p, 32, m, t, 0x13, type].forEach((v, i) => params.setUint32(i * 4, v, true));
  ex.Hash_Calculate(0, m);
  return new Uint8Array(ex.memory.buffer, offset, laneBlocks * p * 1024).slice();
}

function blake2bDigest(bytes: Uint8Array, input: Uint8Array, outBytes: number): Uint8Array {
  const ex = instantiate<Blake2bExports>(bytes);
  const offset = ex.Hash_GetBuffer();
  ex.Hash_Init(outBytes * 8);
  for (let read = 0; read < input.length; read += 16384) {
    const chunk = input.subarray(read, read + 16384);
    new Uint8Array(ex.memory.buffer, offset, chunk.length).set(chunk);
    ex.Hash_Update(chunk.length);
  }
  ex.Hash_Final();
  return new Uint8Array(ex.memory.buffer, offset, outBytes).slice();
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Throws unless `built` and `reference` agree on every case (all three argon2 types, 1–4 lanes). The built
 * argon2 core runs on garbage-filled memory (it overwrites on the first pass), the reference on zeroed memory.
 */
export function crossCheck(built: Record<CoreName, Uint8Array>, reference: Record<CoreName, Uint8Array>): void {
  const argon2Cases = [
    [64, 1, 1, 2],
    [64, 3, 1, 2],
    [256, 2, 2, 2],
    [512, 2, 4, 2],
    [128, 2, 1, 0],
    [128, 2, 1, 1],
    [1024, 2, 1, 2],
  ] as const;
  for (const [m, t, p, type] of argon2Cases) {
    if (!same(argon2Memory(built.argon2, m, t, p, type, true), argon2Memory(reference.argon2, m, t, p, type, false))) {
      throw new Error(`self-check: argon2 core differs from hash-wasm's (m=${m},t=${t},p=${p},type=${type})`);
    }
  }
  for (const [length, outBytes] of [
    [0, 64],
    [3, 32],
    [128, 64],
    [129, 64],
    [70000, 64],
    [1024, 17],
  ] as const) {
    const input = pseudoRandom(length, length + outBytes);
    if (!same(blake2bDigest(built.blake2b, input, outBytes), blake2bDigest(reference.blake2b, input, outBytes))) {
      throw new Error(`self-check: blake2b core differs from hash-wasm's (${length} bytes in, ${outBytes} out)`);
    }
  }
}
