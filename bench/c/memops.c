// memcpy/memset-heavy code: buffers of many sizes cleared, filled, copied and moved (overlapping),
// then checksummed, like a serializer or a frame buffer. Argument: scale (default 4).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N (1 << 16)
static uint8_t a[N], b[N];

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 4;
  uint32_t s = 99, sum = 0;
  for (int round = 0; round < 300 * scale; round++) {
    s = s * 1664525u + 1013904223u;
    size_t len = 1 + (s >> 8) % 4000, off = (s >> 4) % (N - 8192);
    memset(a + off, (int)(s >> 24), len);
    memcpy(b + (off ^ 1024) % (N - 8192), a + off, len);
    memmove(a + off + 3, a + off, len);
    for (int k = 1; k < 64; k *= 2) {
      memcpy(b + k * 7, a + off + k, (size_t)k);
      memset(a + k * 13, k, (size_t)k * 3);
    }
    sum = sum * 31 + b[(s >> 12) % N] + a[(s >> 3) % N];
  }
  uint64_t h = 0;
  for (int i = 0; i < N; i++) h = h * 131 + (a[i] ^ b[i]);
  printf("sum=%08x h=%016llx\n", sum, (unsigned long long)h);
  return 0;
}
