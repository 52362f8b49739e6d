// An outside program: the TRE 0.8.0 regex engine (Debian's tre source package, fetched by
// ../fetch-src.sh, configured by its own configure) compiling POSIX extended and basic regular
// expressions (classes, alternation, bounded repetition, back-references, case folding) and
// matching them against generated lines, with submatch offsets, plus TRE's approximate matching
// (a bounded number of inserted, deleted and substituted characters).
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tre.h"

static const char *pieces[] = {"error", "warning", "info", "disk", "sda1", "at", "0x7ffd", "user", "root",
                               "login", "failed", "from", "192.168.0.17", "port", "22", "colour", "color",
                               "2026-12-06", "12:34:56", "the", "the", "ok", "OK", "Error", "erorr"};

static char *line(unsigned *seed, char *buf) {
  int n = 4 + *seed % 9, len = 0;
  for (int i = 0; i < n; i++) {
    *seed = *seed * 1103515245u + 12345u;
    const char *w = pieces[(*seed >> 16) % 25];
    len += sprintf(buf + len, i ? " %s" : "%s", w);
  }
  return buf;
}

static const struct {
  const char *re;
  int flags;
} pats[] = {
    {"(error|warning) ?([a-z]+)", REG_EXTENDED},
    {"[0-9]{1,3}(\\.[0-9]{1,3}){3}", REG_EXTENDED},
    {"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9:]+)", REG_EXTENDED},
    {"colou?r", REG_EXTENDED},
    {"^[a-z]+ .*(failed|ok)$", REG_EXTENDED},
    {"\\b(the) \\1\\b", REG_EXTENDED},
    {"\\([a-z]*o[a-z]*\\) \\(.*\\) \\1", 0},
    {"ERROR|ok", REG_EXTENDED | REG_ICASE},
    {"0x[[:xdigit:]]+|[[:upper:]][[:lower:]]+", REG_EXTENDED},
    {"(a|b|c|d|e)*x", REG_EXTENDED},
};

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  int np = sizeof pats / sizeof pats[0];
  regex_t re[16];
  for (int i = 0; i < np; i++) {
    int rc = tre_regcomp(&re[i], pats[i].re, pats[i].flags);
    if (rc != 0) {
      char msg[128];
      tre_regerror(rc, &re[i], msg, sizeof msg);
      printf("pattern %d: %s\n", i, msg);
      return 1;
    }
  }
  unsigned seed = 2026;
  char buf[512];
  int count[16] = {0};
  unsigned long sums[16] = {0};
  int nlines = 400 * scale;
  for (int l = 0; l < nlines; l++) {
    line(&seed, buf);
    for (int i = 0; i < np; i++) {
      regmatch_t m[8];
      if (tre_regexec(&re[i], buf, 8, m, 0) == 0) {
        count[i]++;
        for (size_t k = 0; k <= re[i].re_nsub && k < 8; k++) sums[i] += (unsigned long)(m[k].rm_so * 31 + m[k].rm_eo) * (k + 1);
        if (l < 3 || (l % 997 == 0 && i < 3)) printf("line %d re %d: [%d,%d) '%.*s'\n", l, i, (int)m[0].rm_so,
                                                      (int)m[0].rm_eo, (int)(m[0].rm_eo - m[0].rm_so), buf + m[0].rm_so);
      }
    }
  }
  for (int i = 0; i < np; i++) printf("re %d: %d matches, offsets %lu\n", i, count[i], sums[i]);

  // Approximate matching: up to two edits of "error" finds the misspellings.
  regex_t ar;
  tre_regcomp(&ar, "error", REG_EXTENDED);
  regaparams_t params;
  tre_regaparams_default(&params);
  params.max_cost = 2;
  params.max_err = 2;
  int hits[3] = {0};
  seed = 7;
  for (int l = 0; l < nlines; l++) {
    regmatch_t m[1];
    regamatch_t am;
    memset(&am, 0, sizeof am);
    am.nmatch = 1;
    am.pmatch = m;
    if (tre_regaexec(&ar, line(&seed, buf), &am, params, 0) == 0) hits[am.cost]++;
  }
  printf("approximate: cost0 %d cost1 %d cost2 %d\n", hits[0], hits[1], hits[2]);
  const char *bad[] = {"(unclosed", "a{2,1}", "[z-a]", "x**", "\\"};
  for (int i = 0; i < 5; i++) {
    regex_t r;
    int rc = tre_regcomp(&r, bad[i], REG_EXTENDED);
    char msg[128];
    tre_regerror(rc, &r, msg, sizeof msg);
    printf("bad %d: %d %s\n", i, rc, rc ? msg : "(accepted)");
    if (rc == 0) tre_regfree(&r);
  }
  for (int i = 0; i < np; i++) tre_regfree(&re[i]);
  tre_regfree(&ar);
  return 0;
}
