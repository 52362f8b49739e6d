// qsort with several comparison functions passed as pointers (call_indirect in Wasm), a table of
// function pointers chosen at run time, and bsearch. Comparators are total orders (ties broken
// by index) so that every libc's qsort gives the same order.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
	int32_t key;
	uint32_t id;
	double weight;
	char name[12];
};

static uint32_t seed = 12345;
static uint32_t next(void) {
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

static int by_key(const void *a, const void *b) {
	const struct item *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int by_key_desc(const void *a, const void *b) { return by_key(b, a); }

static int by_weight(const void *a, const void *b) {
	const struct item *x = a, *y = b;
	if (x->weight != y->weight)
		return x->weight < y->weight ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int by_name(const void *a, const void *b) {
	const struct item *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (c != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_u32(const void *a, const void *b) {
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

typedef int (*comparator)(const void *, const void *);

static const struct {
	const char *name;
	comparator cmp;
} orders[] = {{"key", by_key}, {"key-desc", by_key_desc}, {"weight", by_weight}, {"name", by_name}};

static uint32_t checksum(const struct item *v, int n) {
	uint32_t h = 0;
	for (int i = 0; i < n; i++)
		h = h * 16777619u ^ v[i].id;
	return h;
}

int main(void) {
	enum { N = 20000 };
	struct item *v = malloc(N * sizeof *v);
	for (int i = 0; i < N; i++) {
		v[i].key = (int32_t)(next() % 2001) - 1000;
		v[i].id = (uint32_t)i;
		v[i].weight = (double)(next() % 100000) / 7.0;
		for (int k = 0; k < 6; k++)
			v[i].name[k] = (char)('a' + next() % 26);
		v[i].name[6] = 0;
	}
	for (unsigned o = 0; o < sizeof orders / sizeof orders[0]; o++) {
		qsort(v, N, sizeof *v, orders[o].cmp);
		int sorted = 1;
		for (int i = 1; i < N; i++)
			if (orders[o].cmp(&v[i - 1], &v[i]) > 0)
				sorted = 0;
		printf("%-8s sorted=%d first=(%d,%u,%.4f,%s) last=(%d,%u,%s) checksum=%08x\n", orders[o].name, sorted,
		       v[0].key, v[0].id, v[0].weight, v[0].name, v[N - 1].key, v[N - 1].id, v[N - 1].name,
		       checksum(v, N));
	}
	// Pick the comparator through the table by a computed index, many times.
	uint32_t picks = 0;
	for (int i = 0; i < 1000; i++) {
		int o = (int)(next() % 4);
		int c = orders[o].cmp(&v[i], &v[N - 1 - i]);
		picks = picks * 3 + (uint32_t)(c + 1);
	}
	printf("picks %08x\n", picks);

	uint32_t *u = malloc(N * sizeof *u);
	for (int i = 0; i < N; i++)
		u[i] = next() % 50000 * 2; // even numbers only
	qsort(u, N, sizeof *u, cmp_u32);
	int found = 0;
	for (uint32_t q = 0; q < 2000; q++) {
		uint32_t key = q * 37;
		if (bsearch(&key, u, N, sizeof *u, cmp_u32))
			found++;
	}
	printf("bsearch found %d of 2000, min=%u max=%u median=%u\n", found, u[0], u[N - 1], u[N / 2]);
	free(u);
	free(v);
	return 0;
}
