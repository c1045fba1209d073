// argon2id (RFC 9106) over hash-wasm's WebAssembly cores, handed to us as precompiled modules: Workers refuse
// `WebAssembly.compile` on bytes, so hash-wasm's own loader cannot run there. This is a thin equivalent of
// hash-wasm's argon2.ts (same cores, same PHC output) that instantiates modules wrangler compiled at deploy.
// The cores are hash-wasm's C sources built with SIMD by clang, committed with their sha256 (scripts/build-wasm.ts).
import argon2Module from './wasm/argon2.wasm';
import blake2bModule from './wasm/blake2b.wasm';

interface HashExports {
  memory: WebAssembly.Memory;
  Hash_GetBuffer(): number;
  Hash_Init(param: number): void;
  Hash_Update(length: number): void;
  Hash_Final(): void;
  Hash_SetMemorySize(bytes: number): number;
  Hash_Calculate(length: number, param: number): void;
  /** Present in our SIMD build only: the first pass overwrites blocks (no zeroed memory needed). */
  Argon2_FirstPassOverwrites?(): number;
}

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
}

/** RFC 9106's optional inputs K (secret) and X (associated data); password hashes here use neither. */
export interface Argon2Extras {
  secret?: Uint8Array;
  associatedData?: Uint8Array;
}

const CHUNK = 16 * 1024; // hash-wasm's I/O buffer size

function instantiate(module: WebAssembly.Module): HashExports {
  return new WebAssembly.Instance(module, {}).exports as unknown as HashExports;
}

/** Streaming BLAKE2b with a variable output length (bits), as argon2's H and H' need. */
class Blake2b {
  private readonly ex = instantiate(blake2bModule);
  private readonly offset = this.ex.Hash_GetBuffer();

  hash(outputBytes: number, ...parts: Uint8Array[]): Uint8Array {
    this.ex.Hash_Init(outputBytes * 8);
    for (const part of parts) {
      for (let read = 0; read < part.length; read += CHUNK) {
        const chunk = part.subarray(read, read + CHUNK);
        new Uint8Array(this.ex.memory.buffer, this.offset, chunk.length).set(chunk);
        this.ex.Hash_Update(chunk.length);
      }
    }
    this.ex.Hash_Final();
    return new Uint8Array(this.ex.memory.buffer, this.offset, outputBytes).slice();
  }
}

let blake: Blake2b | undefined;

function le32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}

/** H' of RFC 9106 §3.3: variable-length hash built from BLAKE2b. */
function hashLong(b: Blake2b, input: Uint8Array, length: number): Uint8Array {
  if (length <= 64) return b.hash(length, le32(length), input);
  const out = new Uint8Array(length);
  const r = Math.ceil(length / 32) - 2;
  let v = b.hash(64, le32(length), input);
  out.set(v.subarray(0, 32), 0);
  for (let i = 1; i < r; i++) {
    v = b.hash(64, v);
    out.set(v.subarray(0, 32), i * 32);
  }
  out.set(b.hash(length - 32 * r, v), r * 32);
  return out;
}

/**
 * One argon2id computation on `core`, an argon2 WebAssembly instance (reusable: the caller pools them, each
 * holds `memoryKiB` of linear memory once grown). Synchronous: the isolate is busy for the whole hash.
 */
export function argon2idRaw(
  core: Argon2Core,
  password: Uint8Array,
  salt: Uint8Array,
  p: Argon2Params,
  extras: Argon2Extras = {},
): Uint8Array {
  blake ??= new Blake2b();
  const ex = core.exports;
  const bufferOffset = core.bufferOffset;
  // The last 1 KiB block carries the parameters to the core (hash-wasm's convention).
  core.ensureCapacity(p.memoryKiB * 1024 + 1024);
  const memory = () => new Uint8Array(ex.memory.buffer, bufferOffset);
  // hash-wasm's prebuilt core XORs into blocks on every pass (including the first), relying on zeroed memory:
  // a reused one must be wiped. Our SIMD build overwrites every block in the first pass before anything reads
  // it (RFC 9106 v1.3), so nothing of a previous password's blocks is ever used, and ~19 MiB of wiping is saved.
  if (!core.firstPassOverwrites) memory().fill(0, 0, p.memoryKiB * 1024);

  const params = new Uint8Array(24);
  const view = new DataView(params.buffer);
  [p.parallelism, p.hashLength, p.memoryKiB, p.iterations, 0x13, 2].forEach((v, i) => view.setUint32(i * 4, v, true));
  memory().set(params, p.memoryKiB * 1024);

  const secret = extras.secret ?? new Uint8Array(0);
  const associatedData = extras.associatedData ?? new Uint8Array(0);
  const h0 = blake.hash(
    64,
    params,
    le32(password.length),
    password,
    le32(salt.length),
    salt,
    le32(secret.length),
    secret,
    le32(associatedData.length),
    associatedData,
  );

  const laneBlocks = Math.floor(p.memoryKiB / (p.parallelism * 4)) * 4;
  const seed = new Uint8Array(72);
  seed.set(h0);
  for (let lane = 0; lane < p.parallelism; lane++) {
    seed.set(le32(lane), 68);
    for (const column of [0, 1]) {
      seed.set(le32(column), 64);
      memory().set(hashLong(blake, seed, 1024), (lane * laneBlocks + column) * 1024);
    }
  }
  ex.Hash_Calculate(0, p.memoryKiB);
  const finalBlock = memory().slice(0, 1024);
  return hashLong(blake, finalBlock, p.hashLength);
}

const PAGE = 65536;

export class Argon2Core {
  readonly exports: HashExports;
  readonly bufferOffset: number;
  // The core pre-allocates 512 KiB for its buffer on Hash_GetBuffer and only ever grows. Its
  // Hash_SetMemorySize(n) grows by n minus what it holds (unsigned), so it may only be called to grow.
  private capacity = 512 * 1024;

  /** `module`: the shipped core by default (the benchmark also passes hash-wasm's prebuilt one). */
  readonly firstPassOverwrites: boolean;

  constructor(module: WebAssembly.Module = argon2Module) {
    this.exports = instantiate(module);
    this.bufferOffset = this.exports.Hash_GetBuffer();
    this.firstPassOverwrites = typeof this.exports.Argon2_FirstPassOverwrites === 'function';
  }

  ensureCapacity(bytes: number): void {
    if (bytes <= this.capacity) return;
    if (this.exports.Hash_SetMemorySize(bytes) !== 0) throw new Error('argon2: out of memory');
    this.capacity += Math.ceil((bytes - this.capacity) / PAGE) * PAGE;
  }
}
