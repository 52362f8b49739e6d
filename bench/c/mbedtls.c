// An outside program: Mbed TLS 2.28.3's cryptography (Debian's mbedtls source package, fetched by
// ../fetch-src.sh), with a deterministic random generator: SHA-256/512 of generated data, AES-256
// in CTR and GCM, ChaCha20-Poly1305, RSA-1024 key generation (prime search, Miller-Rabin) with
// PKCS#1 v1.5 signatures, and deterministic ECDSA (RFC 6979) on P-256 and P-384, each verified;
// prints digests, tags and the low bits of the keys and signatures. gcc's build uses Mbed TLS's
// aarch64 assembly for bignum multiplication and 64-bit limbs; the wasm build 32-bit limbs in C.
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mbedtls/aes.h"
#include "mbedtls/bignum.h"
#include "mbedtls/chachapoly.h"
#include "mbedtls/ecdsa.h"
#include "mbedtls/gcm.h"
#include "mbedtls/rsa.h"
#include "mbedtls/sha256.h"
#include "mbedtls/sha512.h"

static unsigned long long rng_state = 0x853c49e6748fea9bULL;
// The random generator of key generation and blinding: a xorshift, the same on every target.
static int rng(void *ctx, unsigned char *out, size_t n) {
  (void)ctx;
  for (size_t i = 0; i < n; i++) {
    rng_state ^= rng_state << 13, rng_state ^= rng_state >> 7, rng_state ^= rng_state << 17;
    out[i] = (unsigned char)(rng_state >> 32);
  }
  return 0;
}

static void hex(const char *what, const unsigned char *p, size_t n) {
  printf("%s ", what);
  for (size_t i = 0; i < n; i++) printf("%02x", p[i]);
  printf("\n");
}

static void mpi_tail(const char *what, const mbedtls_mpi *x) {
  char buf[1200];
  size_t len;
  mbedtls_mpi_write_string(x, 16, buf, sizeof buf, &len);
  printf("%s %zu bits ...%s\n", what, mbedtls_mpi_bitlen(x), len > 24 ? buf + len - 24 : buf);
}

static int ecdsa(mbedtls_ecp_group_id id, const char *name, const unsigned char *hash, int rounds) {
  mbedtls_ecp_group g;
  mbedtls_mpi d, r, s;
  mbedtls_ecp_point q;
  mbedtls_ecp_group_init(&g), mbedtls_mpi_init(&d), mbedtls_mpi_init(&r), mbedtls_mpi_init(&s);
  mbedtls_ecp_point_init(&q);
  int rc = mbedtls_ecp_group_load(&g, id);
  rc |= mbedtls_mpi_read_string(&d, 16, "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
  rc |= mbedtls_ecp_mul(&g, &q, &d, &g.G, rng, NULL);
  int ok = 0;
  for (int i = 0; i < rounds; i++) {
    rc |= mbedtls_ecdsa_sign_det_ext(&g, &r, &s, &d, hash + i, 32, MBEDTLS_MD_SHA256, rng, NULL);
    ok += mbedtls_ecdsa_verify(&g, hash + i, 32, &q, &r, &s) == 0;
  }
  printf("%s: rc %d, %d of %d verified\n", name, rc, ok, rounds);
  mpi_tail("  Q.X", &q.X);
  mpi_tail("  r", &r);
  mpi_tail("  s", &s);
  mbedtls_mpi_add_int(&s, &s, 1);
  printf("  altered signature verifies: %s\n", mbedtls_ecdsa_verify(&g, hash, 32, &q, &r, &s) == 0 ? "yes" : "no");
  mbedtls_ecp_group_free(&g), mbedtls_mpi_free(&d), mbedtls_mpi_free(&r), mbedtls_mpi_free(&s);
  mbedtls_ecp_point_free(&q);
  return ok == rounds;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  size_t n = 100000 * (size_t)scale;
  unsigned char *data = malloc(n), *enc = malloc(n), *dec = malloc(n);
  rng(NULL, data, n);

  unsigned char h256[32], h512[64];
  mbedtls_sha256_ret(data, n, h256, 0);
  hex("sha256", h256, 32);
  mbedtls_sha512_ret(data, n, h512, 0);
  hex("sha512", h512, 64);
  mbedtls_sha512_ret(data, n / 3, h512, 1);
  hex("sha384", h512, 48);

  unsigned char key[32], nonce[16], block[16], tag[16];
  memcpy(key, h512, 32);
  memcpy(nonce, h512 + 32, 16);
  mbedtls_aes_context aes;
  mbedtls_aes_init(&aes);
  mbedtls_aes_setkey_enc(&aes, key, 256);
  size_t off = 0;
  mbedtls_aes_crypt_ctr(&aes, n, &off, nonce, block, data, enc);
  mbedtls_sha256_ret(enc, n, h256, 0);
  hex("aes-256-ctr", h256, 32);
  mbedtls_aes_free(&aes);

  mbedtls_gcm_context gcm;
  mbedtls_gcm_init(&gcm);
  mbedtls_gcm_setkey(&gcm, MBEDTLS_CIPHER_ID_AES, key, 256);
  mbedtls_gcm_crypt_and_tag(&gcm, MBEDTLS_GCM_ENCRYPT, n, h512 + 48, 12, data, 64, data, enc, 16, tag);
  hex("aes-256-gcm tag", tag, 16);
  int gok = mbedtls_gcm_auth_decrypt(&gcm, n, h512 + 48, 12, data, 64, tag, 16, enc, dec) == 0 && memcmp(dec, data, n) == 0;
  enc[n / 2] ^= 1;
  int gbad = mbedtls_gcm_auth_decrypt(&gcm, n, h512 + 48, 12, data, 64, tag, 16, enc, dec);
  printf("gcm: round trip %s, tampered %s\n", gok ? "ok" : "FAILED", gbad == MBEDTLS_ERR_GCM_AUTH_FAILED ? "refused" : "ACCEPTED");
  mbedtls_gcm_free(&gcm);

  mbedtls_chachapoly_context cp;
  mbedtls_chachapoly_init(&cp);
  mbedtls_chachapoly_setkey(&cp, key);
  mbedtls_chachapoly_encrypt_and_tag(&cp, n, nonce, data, 13, data, enc, tag);
  hex("chacha20-poly1305 tag", tag, 16);
  printf("chachapoly: round trip %s\n",
         mbedtls_chachapoly_auth_decrypt(&cp, n, nonce, data, 13, tag, enc, dec) == 0 && memcmp(dec, data, n) == 0 ? "ok" : "FAILED");
  mbedtls_chachapoly_free(&cp);

  mbedtls_rsa_context rsa;
  mbedtls_rsa_init(&rsa, MBEDTLS_RSA_PKCS_V15, 0);
  int rc = mbedtls_rsa_gen_key(&rsa, rng, NULL, 1024, 65537);
  printf("rsa-1024 keygen: rc %d, check %d\n", rc, mbedtls_rsa_check_privkey(&rsa));
  mpi_tail("  N", &rsa.N);
  unsigned char sig[128];
  int rok = 0;
  for (int i = 0; i < 2 * scale; i++) {
    mbedtls_sha256_ret(data + i, 1000, h256, 0);
    rc |= mbedtls_rsa_pkcs1_sign(&rsa, rng, NULL, MBEDTLS_RSA_PRIVATE, MBEDTLS_MD_SHA256, 32, h256, sig);
    rok += mbedtls_rsa_pkcs1_verify(&rsa, NULL, NULL, MBEDTLS_RSA_PUBLIC, MBEDTLS_MD_SHA256, 32, h256, sig) == 0;
  }
  printf("rsa: rc %d, %d verified\n", rc, rok);
  hex("  last signature tail", sig + 112, 16);
  mbedtls_rsa_free(&rsa);

  int ok = ecdsa(MBEDTLS_ECP_DP_SECP256R1, "ecdsa p-256", data, 2 * scale);
  ok &= ecdsa(MBEDTLS_ECP_DP_SECP384R1, "ecdsa p-384", data + 100, scale);
  return ok && gok && rok == 2 * scale ? 0 : 1;
}
