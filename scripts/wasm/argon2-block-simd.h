/*
  argon2's compression function G (RFC 9106 §3.5/3.6) with WebAssembly SIMD (wasm_simd128.h), replacing the
  scalar `block()` of hash-wasm's argon2.c (scripts/wasm/build.ts splices this file in at build time; the rest
  of argon2.c is hash-wasm's, unchanged). Same semantics as the scalar version:

    block(z, a, b, xor):  R = a ^ b;  Q = P applied to the 8 rows of R, then to its 8 columns;
                          z = R ^ Q            (xor == 0)
                          z = z ^ R ^ Q        (xor != 0)

  A 1 KiB block is 128 64-bit words, held here as 64 two-lane vectors v[k] = (w[2k], w[2k+1]). One vector
  instruction runs two of the four G calls of a BLAKE2b round at once, as in the reference implementation's
  SSE code (opt.c / blamka-round-opt.h). The multiply in BlaMka (2 * lo32(x) * lo32(y)) is a 32x32->64
  widening multiply of the low halves; the rotations by 32, 24 and 16 are byte shuffles.

  The state lives in a 2 KiB stack array and is walked in eight-vector slices (one BLAKE2b round each) rather
  than fully unrolled into locals: the unrolled form needs ~130 live vectors and V8's register allocator
  spills so much that it runs at half the speed. Loads of a/b are fused into the row pass and the store of z
  into the column pass, so each vector crosses linear memory 7 times instead of 11 (workerd bounds-checks
  every linear-memory access).
*/
#include <wasm_simd128.h>

static __inline__ v128_t blamka(v128_t x, v128_t y) {
  v128_t xy = wasm_u64x2_extmul_low_u32x4(wasm_i32x4_shuffle(x, x, 0, 2, 0, 2), wasm_i32x4_shuffle(y, y, 0, 2, 0, 2));
  return wasm_i64x2_add(wasm_i64x2_add(x, y), wasm_i64x2_add(xy, xy));
}

#define ROTR32(x) wasm_i32x4_shuffle(x, x, 1, 0, 3, 2)
#define ROTR24(x) wasm_i8x16_shuffle(x, x, 3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10)
#define ROTR16(x) wasm_i8x16_shuffle(x, x, 2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9)
#define ROTR63(x) wasm_v128_xor(wasm_u64x2_shr(x, 63), wasm_i64x2_add(x, x))

/* Two G calls per vector, four per pair of vectors: (A0,B0,C0,D0) and (A1,B1,C1,D1). */
#define G4(A0, B0, C0, D0, A1, B1, C1, D1)                                             \
  do {                                                                                 \
    A0 = blamka(A0, B0); A1 = blamka(A1, B1);                                          \
    D0 = ROTR32(wasm_v128_xor(D0, A0)); D1 = ROTR32(wasm_v128_xor(D1, A1));            \
    C0 = blamka(C0, D0); C1 = blamka(C1, D1);                                          \
    B0 = ROTR24(wasm_v128_xor(B0, C0)); B1 = ROTR24(wasm_v128_xor(B1, C1));            \
    A0 = blamka(A0, B0); A1 = blamka(A1, B1);                                          \
    D0 = ROTR16(wasm_v128_xor(D0, A0)); D1 = ROTR16(wasm_v128_xor(D1, A1));            \
    C0 = blamka(C0, D0); C1 = blamka(C1, D1);                                          \
    B0 = ROTR63(wasm_v128_xor(B0, C0)); B1 = ROTR63(wasm_v128_xor(B1, C1));            \
  } while (0)

/*
  One BLAKE2b round over 16 words w0..w15 = (A0 A1 B0 B1 C0 C1 D0 D1): the column step G(w0,w4,w8,w12) …
  then the diagonal step G(w0,w5,w10,w15), G(w1,w6,w11,w12), G(w2,w7,w8,w13), G(w3,w4,w9,w14), for which the
  B, C and D vectors are rotated by one, two and three words and rotated back afterwards.
*/
#define ROUND(A0, A1, B0, B1, C0, C1, D0, D1)                                          \
  do {                                                                                 \
    G4(A0, B0, C0, D0, A1, B1, C1, D1);                                                \
    v128_t b0 = wasm_i64x2_shuffle(B0, B1, 1, 2), b1 = wasm_i64x2_shuffle(B1, B0, 1, 2); \
    v128_t d0 = wasm_i64x2_shuffle(D1, D0, 1, 2), d1 = wasm_i64x2_shuffle(D0, D1, 1, 2); \
    G4(A0, b0, C1, d0, A1, b1, C0, d1);                                                \
    B0 = wasm_i64x2_shuffle(b1, b0, 1, 2); B1 = wasm_i64x2_shuffle(b0, b1, 1, 2);      \
    D0 = wasm_i64x2_shuffle(d0, d1, 1, 2); D1 = wasm_i64x2_shuffle(d1, d0, 1, 2);      \
  } while (0)

void block(uint64_t *z, uint64_t *a, uint64_t *b, int32_t xor) {
  v128_t q[64], r[64];
  const v128_t *av = (const v128_t *)a, *bv = (const v128_t *)b;
  v128_t *zv = (v128_t *)z;

  /* Rows: vectors 8i .. 8i+7. */
  for (int i = 0; i < 64; i += 8) {
    v128_t A0 = wasm_v128_xor(wasm_v128_load(av + i + 0), wasm_v128_load(bv + i + 0));
    v128_t A1 = wasm_v128_xor(wasm_v128_load(av + i + 1), wasm_v128_load(bv + i + 1));
    v128_t B0 = wasm_v128_xor(wasm_v128_load(av + i + 2), wasm_v128_load(bv + i + 2));
    v128_t B1 = wasm_v128_xor(wasm_v128_load(av + i + 3), wasm_v128_load(bv + i + 3));
    v128_t C0 = wasm_v128_xor(wasm_v128_load(av + i + 4), wasm_v128_load(bv + i + 4));
    v128_t C1 = wasm_v128_xor(wasm_v128_load(av + i + 5), wasm_v128_load(bv + i + 5));
    v128_t D0 = wasm_v128_xor(wasm_v128_load(av + i + 6), wasm_v128_load(bv + i + 6));
    v128_t D1 = wasm_v128_xor(wasm_v128_load(av + i + 7), wasm_v128_load(bv + i + 7));
    r[i + 0] = A0; r[i + 1] = A1; r[i + 2] = B0; r[i + 3] = B1;
    r[i + 4] = C0; r[i + 5] = C1; r[i + 6] = D0; r[i + 7] = D1;
    ROUND(A0, A1, B0, B1, C0, C1, D0, D1);
    q[i + 0] = A0; q[i + 1] = A1; q[i + 2] = B0; q[i + 3] = B1;
    q[i + 4] = C0; q[i + 5] = C1; q[i + 6] = D0; q[i + 7] = D1;
  }

  /* Columns: vectors i, i+8, …, i+56 (word pairs 2i, 2i+1 of each row). */
  for (int i = 0; i < 8; i++) {
    v128_t A0 = q[i], A1 = q[i + 8], B0 = q[i + 16], B1 = q[i + 24];
    v128_t C0 = q[i + 32], C1 = q[i + 40], D0 = q[i + 48], D1 = q[i + 56];
    ROUND(A0, A1, B0, B1, C0, C1, D0, D1);
    A0 = wasm_v128_xor(A0, r[i]); A1 = wasm_v128_xor(A1, r[i + 8]);
    B0 = wasm_v128_xor(B0, r[i + 16]); B1 = wasm_v128_xor(B1, r[i + 24]);
    C0 = wasm_v128_xor(C0, r[i + 32]); C1 = wasm_v128_xor(C1, r[i + 40]);
    D0 = wasm_v128_xor(D0, r[i + 48]); D1 = wasm_v128_xor(D1, r[i + 56]);
    if (xor) {
      A0 = wasm_v128_xor(A0, wasm_v128_load(zv + i)); A1 = wasm_v128_xor(A1, wasm_v128_load(zv + i + 8));
      B0 = wasm_v128_xor(B0, wasm_v128_load(zv + i + 16)); B1 = wasm_v128_xor(B1, wasm_v128_load(zv + i + 24));
      C0 = wasm_v128_xor(C0, wasm_v128_load(zv + i + 32)); C1 = wasm_v128_xor(C1, wasm_v128_load(zv + i + 40));
      D0 = wasm_v128_xor(D0, wasm_v128_load(zv + i + 48)); D1 = wasm_v128_xor(D1, wasm_v128_load(zv + i + 56));
    }
    wasm_v128_store(zv + i, A0); wasm_v128_store(zv + i + 8, A1);
    wasm_v128_store(zv + i + 16, B0); wasm_v128_store(zv + i + 24, B1);
    wasm_v128_store(zv + i + 32, C0); wasm_v128_store(zv + i + 40, C1);
    wasm_v128_store(zv + i + 48, D0); wasm_v128_store(zv + i + 56, D1);
  }
}
