// Memory growth: allocate 48 MiB in 1 MiB steps (the Wasm heap grows with memory.grow), touch
// every page, verify contents, free every other block, reallocate bigger blocks into the holes
// and beyond, and finish with one 16 MiB realloc chain.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MiB = 1 << 20, BLOCKS = 48 };

static uint32_t fill_check(uint8_t *p, size_t n, uint32_t tag) {
	uint32_t h = tag;
	for (size_t i = 0; i < n; i += 4096) {
		p[i] = (uint8_t)(tag + i / 4096);
		h = h * 31 + p[i];
	}
	p[n - 1] = (uint8_t)tag;
	return h + p[n - 1];
}

static int verify(const uint8_t *p, size_t n, uint32_t tag) {
	for (size_t i = 0; i < n; i += 4096)
		if (p[i] != (uint8_t)(tag + i / 4096))
			return 0;
	return p[n - 1] == (uint8_t)tag;
}

int main(void) {
	uint8_t *blocks[BLOCKS];
	uint32_t sum = 0;
	for (int i = 0; i < BLOCKS; i++) {
		blocks[i] = malloc(MiB);
		if (!blocks[i]) {
			printf("malloc failed at block %d\n", i);
			return 1;
		}
		sum += fill_check(blocks[i], MiB, (uint32_t)i);
		if (i % 8 == 7)
			printf("allocated %2d MiB, sum %08x\n", i + 1, sum);
	}
	int ok = 0;
	for (int i = 0; i < BLOCKS; i++)
		ok += verify(blocks[i], MiB, (uint32_t)i);
	printf("verified %d of %d blocks\n", ok, BLOCKS);

	for (int i = 0; i < BLOCKS; i += 2) {
		free(blocks[i]);
		blocks[i] = NULL;
	}
	for (int i = 0; i < BLOCKS; i += 2) {
		size_t size = MiB + (size_t)i * 4096;
		blocks[i] = malloc(size);
		memset(blocks[i], i, size);
		sum += blocks[i][size / 2] + blocks[i][size - 1];
	}
	ok = 0;
	for (int i = 1; i < BLOCKS; i += 2)
		ok += verify(blocks[i], MiB, (uint32_t)i);
	printf("after refill: odd blocks intact %d of %d, sum %08x\n", ok, BLOCKS / 2, sum);

	uint8_t *grow = NULL;
	size_t size = 0;
	uint32_t h = 0;
	for (int step = 1; step <= 16; step++) {
		size_t nsize = (size_t)step * MiB;
		grow = realloc(grow, nsize);
		if (!grow) {
			printf("realloc failed at %d MiB\n", step);
			return 1;
		}
		memset(grow + size, step, nsize - size);
		size = nsize;
		h = h * 131 + grow[size - 1] + grow[0];
	}
	size_t counts[17] = {0};
	for (size_t i = 0; i < size; i += 512)
		counts[grow[i]]++;
	printf("realloc chain to %u MiB: h=%08x counts[1]=%u counts[16]=%u\n", (unsigned)(size / MiB), h,
	       (unsigned)counts[1], (unsigned)counts[16]);
	free(grow);
	for (int i = 0; i < BLOCKS; i++)
		free(blocks[i]);
	printf("done\n");
	return 0;
}
