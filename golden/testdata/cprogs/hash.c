// Integer hashing over generated data: FNV-1a (32 and 64 bit), an xxhash32-like mixer and
// murmur3's finaliser, over buffers made by a xorshift generator. Exercises 32/64-bit
// multiplies, rotates, shifts and byte loads.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t xorshift_state = 0x9E3779B97F4A7C15ull;

static uint64_t xorshift64(void) {
	uint64_t x = xorshift_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return xorshift_state = x;
}

static uint32_t fnv1a32(const uint8_t *p, size_t n) {
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

static uint64_t fnv1a64(const uint8_t *p, size_t n) {
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ull;
	}
	return h;
}

static uint32_t rotl32(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

static uint32_t read32(const uint8_t *p) {
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

// xxhash32-like: four lanes of multiply-rotate-multiply, then an avalanche.
static uint32_t xxlike32(const uint8_t *p, size_t n, uint32_t seed) {
	const uint32_t P1 = 2654435761u, P2 = 2246822519u, P3 = 3266489917u, P4 = 668265263u, P5 = 374761393u;
	size_t i = 0;
	uint32_t h;
	if (n >= 16) {
		uint32_t v[4] = {seed + P1 + P2, seed + P2, seed, seed - P1};
		for (; i + 16 <= n; i += 16)
			for (int k = 0; k < 4; k++)
				v[k] = rotl32(v[k] + read32(p + i + 4 * k) * P2, 13) * P1;
		h = rotl32(v[0], 1) + rotl32(v[1], 7) + rotl32(v[2], 12) + rotl32(v[3], 18);
	} else {
		h = seed + P5;
	}
	h += (uint32_t)n;
	for (; i + 4 <= n; i += 4)
		h = rotl32(h + read32(p + i) * P3, 17) * P4;
	for (; i < n; i++)
		h = rotl32(h + p[i] * P5, 11) * P1;
	h ^= h >> 15;
	h *= P2;
	h ^= h >> 13;
	h *= P3;
	h ^= h >> 16;
	return h;
}

static uint64_t fmix64(uint64_t k) {
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdull;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ull;
	k ^= k >> 33;
	return k;
}

int main(void) {
	enum { N = 1 << 20 };
	uint8_t *buf = malloc(N);
	if (!buf)
		return 1;
	for (size_t i = 0; i < N; i += 8) {
		uint64_t r = xorshift64();
		for (int k = 0; k < 8; k++)
			buf[i + k] = (uint8_t)(r >> (8 * k));
	}
	printf("fnv1a32  %08x\n", fnv1a32(buf, N));
	printf("fnv1a64  %016llx\n", (unsigned long long)fnv1a64(buf, N));
	for (size_t len = 0; len <= 64; len += 13)
		printf("xxlike32 len=%2u %08x\n", (unsigned)len, xxlike32(buf, len, 0));
	printf("xxlike32 all     %08x\n", xxlike32(buf, N, 0x1234567u));

	// A small open-addressing hash table keyed by fmix64 of the generated words.
	enum { SLOTS = 1 << 14 };
	uint64_t *keys = calloc(SLOTS, sizeof *keys);
	uint32_t *counts = calloc(SLOTS, sizeof *counts);
	unsigned distinct = 0, probes = 0;
	for (size_t i = 0; i < N / 8; i++) {
		uint64_t word;
		memcpy(&word, buf + 8 * i, 8);
		uint64_t key = word % 10007 + 1; // many repeats
		size_t s = fmix64(key) & (SLOTS - 1);
		while (keys[s] != 0 && keys[s] != key) {
			s = (s + 1) & (SLOTS - 1);
			probes++;
		}
		if (keys[s] == 0) {
			keys[s] = key;
			distinct++;
		}
		counts[s]++;
	}
	uint64_t check = 0;
	for (size_t s = 0; s < SLOTS; s++)
		check = check * 31 + counts[s] * keys[s];
	printf("table distinct=%u probes=%u check=%016llx\n", distinct, probes, (unsigned long long)check);
	free(keys);
	free(counts);
	free(buf);
	return 0;
}
