// malloc-heavy string processing: build a text of generated words, split it into a dynamically
// grown array of heap strings, sort them, deduplicate, join them back with separators, count
// word frequencies in a chained hash table, and reverse/uppercase copies.
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t seed = 777;
static uint32_t next(void) {
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static const char *syllables[] = {"ka", "to", "ri", "mon", "sel", "ar", "qu", "ex", "ly", "zen", "do", "pha"};

// buf is a growable string.
struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n) {
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 16;
		while (b->len + n + 1 > cap)
			cap *= 2;
		b->s = realloc(b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

struct entry {
	char *word;
	int count;
	struct entry *next;
};

static uint32_t hash_str(const char *s) {
	uint32_t h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

int main(void) {
	struct buf text = {0};
	enum { WORDS = 30000 };
	for (int i = 0; i < WORDS; i++) {
		int n = 1 + (int)(next() % 3);
		for (int k = 0; k < n; k++) {
			const char *syl = syllables[next() % (sizeof syllables / sizeof syllables[0])];
			buf_add(&text, syl, strlen(syl));
		}
		buf_add(&text, i % 17 == 16 ? ".\n" : " ", i % 17 == 16 ? 2 : 1);
	}
	printf("text: %u bytes\n", (unsigned)text.len);

	// Split on spaces, dots and newlines into heap copies.
	size_t nwords = 0, capw = 4;
	char **words = malloc(capw * sizeof *words);
	for (char *tok = strtok(text.s, " .\n"); tok; tok = strtok(NULL, " .\n")) {
		if (nwords == capw) {
			capw *= 2;
			words = realloc(words, capw * sizeof *words);
		}
		words[nwords++] = strdup(tok);
	}
	printf("words: %u\n", (unsigned)nwords);

	// Frequencies in a chained hash table.
	enum { BUCKETS = 1024 };
	struct entry *table[BUCKETS] = {0};
	int distinct = 0;
	for (size_t i = 0; i < nwords; i++) {
		uint32_t h = hash_str(words[i]) % BUCKETS;
		struct entry *e = table[h];
		while (e && strcmp(e->word, words[i]) != 0)
			e = e->next;
		if (!e) {
			e = malloc(sizeof *e);
			e->word = strdup(words[i]);
			e->count = 0;
			e->next = table[h];
			table[h] = e;
			distinct++;
		}
		e->count++;
	}
	struct entry *best = NULL;
	for (int b = 0; b < BUCKETS; b++)
		for (struct entry *e = table[b]; e; e = e->next)
			if (!best || e->count > best->count || (e->count == best->count && strcmp(e->word, best->word) < 0))
				best = e;
	printf("distinct: %d, most frequent: %s x%d\n", distinct, best->word, best->count);

	// Sort, deduplicate, join.
	qsort(words, nwords, sizeof *words, cmp_str);
	size_t uniq = 0;
	for (size_t i = 0; i < nwords; i++) {
		if (uniq > 0 && strcmp(words[uniq - 1], words[i]) == 0) {
			free(words[i]);
			continue;
		}
		words[uniq++] = words[i];
	}
	struct buf joined = {0};
	for (size_t i = 0; i < uniq; i++) {
		if (i > 0)
			buf_add(&joined, ", ", 2);
		buf_add(&joined, words[i], strlen(words[i]));
	}
	printf("unique: %u, joined %u bytes, hash %08x\n", (unsigned)uniq, (unsigned)joined.len, hash_str(joined.s));
	printf("first: %.40s\n", joined.s);
	printf("last:  %s\n", joined.s + joined.len - 30);

	// Reverse and uppercase copies of the longest words.
	size_t longest = 0;
	for (size_t i = 1; i < uniq; i++)
		if (strlen(words[i]) > strlen(words[longest]))
			longest = i;
	char *rev = strdup(words[longest]);
	size_t n = strlen(rev);
	for (size_t i = 0; i < n / 2; i++) {
		char t = rev[i];
		rev[i] = rev[n - 1 - i];
		rev[n - 1 - i] = t;
	}
	for (char *p = rev; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	printf("longest: %s reversed upper: %s\n", words[longest], rev);
	char line[64];
	snprintf(line, sizeof line, "%s|%5d|%-6s|%x", words[0], (int)uniq, words[uniq - 1], (unsigned)joined.len);
	printf("formatted: %s\n", line);

	free(rev);
	for (size_t i = 0; i < uniq; i++)
		free(words[i]);
	free(words);
	for (int b = 0; b < BUCKETS; b++)
		for (struct entry *e = table[b], *nx; e; e = nx) {
			nx = e->next;
			free(e->word);
			free(e);
		}
	free(joined.s);
	free(text.s);
	return 0;
}
