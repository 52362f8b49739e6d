// An outside program: KISS FFT 131.1.0 (Debian's kissfft source package, fetched by
// ../fetch-src.sh) in double precision: complex transforms of power-of-two, mixed-radix and
// prime-factor sizes, a real transform, and a 2-D transform, forward and inverse; prints the
// energy (Parseval), a few bins and whether each round trip restores its input.
// Built with kiss_fft.c, kiss_fftr.c and kiss_fftnd.c, -Dkiss_fft_scalar=double, and
// -ffp-contract=off so that gcc's build rounds every operation as WebAssembly does.
// Argument: scale (default 2).
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "kiss_fft.h"
#include "kiss_fftnd.h"
#include "kiss_fftr.h"

static unsigned seed = 1;
static double rnd(void) {
  seed = seed * 1103515245u + 12345u;
  return (double)((seed >> 8) & 0xffff) / 32768.0 - 1.0;
}

static int complex_fft(int n, int reps) {
  kiss_fft_cfg fwd = kiss_fft_alloc(n, 0, NULL, NULL), inv = kiss_fft_alloc(n, 1, NULL, NULL);
  kiss_fft_cpx *in = malloc(n * sizeof *in), *out = malloc(n * sizeof *out), *back = malloc(n * sizeof *back);
  for (int i = 0; i < n; i++) {
    in[i].r = rnd() + sin(i * 0.05);
    in[i].i = rnd() * 0.5;
  }
  double et = 0, ef = 0, err = 0;
  for (int r = 0; r < reps; r++) {
    kiss_fft(fwd, in, out);
    kiss_fft(inv, out, back);
  }
  for (int i = 0; i < n; i++) {
    et += in[i].r * in[i].r + in[i].i * in[i].i;
    ef += out[i].r * out[i].r + out[i].i * out[i].i;
    double d = fabs(back[i].r / n - in[i].r) + fabs(back[i].i / n - in[i].i);
    if (d > err) err = d;
  }
  printf("fft %5d: energy %.6f parseval %.9f bin1 %.6f %.6f restored %s\n", n, et, ef / n / et, out[1].r, out[1].i,
         err < 1e-9 ? "yes" : "NO");
  free(in), free(out), free(back), kiss_fft_free(fwd), kiss_fft_free(inv);
  return err < 1e-9;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  int ok = 1;
  int sizes[] = {1024, 1000, 729, 1001, 4096, 97};
  for (int i = 0; i < 6; i++) ok &= complex_fft(sizes[i], 4 * scale);

  // A real transform: a sum of three tones shows three peaks.
  int n = 8192;
  kiss_fftr_cfg rf = kiss_fftr_alloc(n, 0, NULL, NULL), ri = kiss_fftr_alloc(n, 1, NULL, NULL);
  double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
  kiss_fft_cpx *X = malloc((n / 2 + 1) * sizeof *X);
  for (int i = 0; i < n; i++)
    x[i] = sin(2 * M_PI * 100 * i / n) + 0.5 * sin(2 * M_PI * 1234 * i / n) + 0.25 * cos(2 * M_PI * 3000 * i / n);
  for (int r = 0; r < 4 * scale; r++) {
    kiss_fftr(rf, x, X);
    kiss_fftri(ri, X, y);
  }
  printf("real:");
  for (int k = 0; k <= n / 2; k++) {
    double m = sqrt(X[k].r * X[k].r + X[k].i * X[k].i) / (n / 2);
    if (m > 0.01) printf(" %d:%.4f", k, m);
  }
  double err = 0;
  for (int i = 0; i < n; i++) err = fmax(err, fabs(y[i] / n - x[i]));
  printf(" restored %s\n", err < 1e-9 ? "yes" : "NO");
  ok &= err < 1e-9;

  // A 2-D transform of a 60 x 48 image of a bright square.
  int dims[2] = {60, 48};
  kiss_fftnd_cfg nd = kiss_fftnd_alloc(dims, 2, 0, NULL, NULL);
  kiss_fft_cpx *img = calloc(60 * 48, sizeof *img), *spec = malloc(60 * 48 * sizeof *spec);
  for (int r = 10; r < 30; r++)
    for (int c = 5; c < 20; c++) img[r * 48 + c].r = 1;
  kiss_fftnd(nd, img, spec);
  double e = 0;
  for (int i = 0; i < 60 * 48; i++) e += spec[i].r * spec[i].r + spec[i].i * spec[i].i;
  printf("2d: dc %.3f energy %.6f s[1][1] %.6f %.6f\n", spec[0].r, e / (60 * 48), spec[49].r, spec[49].i);
  return ok ? 0 : 1;
}
