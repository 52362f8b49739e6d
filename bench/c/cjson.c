// An outside program: cJSON 1.7.15 (Debian's cjson source package, fetched by ../fetch-src.sh)
// building a document of objects, arrays, strings with escapes and numbers, printing it compact
// and indented, parsing both back, comparing, walking and editing the trees, and parsing
// hand-written text with Unicode escapes and malformed input.
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cJSON.h"

static unsigned fnv(const char *s) {
  unsigned h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static cJSON *record(int i, unsigned *seed) {
  static const char *names[] = {"alpha", "beta \"quoted\"", "gamma\\slash", "delta\ttab", "epsilon\n", "z\xc3\xa9ta"};
  cJSON *o = cJSON_CreateObject();
  *seed = *seed * 1664525u + 1013904223u;
  cJSON_AddNumberToObject(o, "id", i);
  cJSON_AddStringToObject(o, "name", names[*seed % 6]);
  cJSON_AddNumberToObject(o, "score", (double)(*seed >> 8) / 65536.0 - 100.0);
  cJSON_AddNumberToObject(o, "tiny", (double)(*seed % 1000) * 1e-9);
  cJSON_AddNumberToObject(o, "big", (double)*seed * 1e12);
  cJSON_AddBoolToObject(o, "even", i % 2 == 0);
  cJSON_AddNullToObject(o, "nothing");
  double v[5];
  for (int k = 0; k < 5; k++) v[k] = (double)(int)(*seed >> (k * 4) & 0xff) / 8.0;
  cJSON_AddItemToObject(o, "v", cJSON_CreateDoubleArray(v, 5));
  cJSON *tags = cJSON_AddArrayToObject(o, "tags");
  for (int k = 0; k < (int)(*seed % 4); k++) {
    char t[16];
    snprintf(t, sizeof t, "t%u", (*seed >> k) % 50);
    cJSON_AddItemToArray(tags, cJSON_CreateString(t));
  }
  return o;
}

static double walk(const cJSON *item, int depth, int *count) {
  double s = 0;
  for (; item; item = item->next) {
    (*count)++;
    if (cJSON_IsNumber(item)) s += item->valuedouble * (depth + 1);
    else if (cJSON_IsString(item)) s += strlen(item->valuestring);
    else if (cJSON_IsTrue(item)) s += 1;
    if (item->child) s += walk(item->child, depth + 1, count);
  }
  return s;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  int n = 1500 * scale;
  unsigned seed = 12345;
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "version", cJSON_Version());
  cJSON *arr = cJSON_AddArrayToObject(root, "records");
  for (int i = 0; i < n; i++) cJSON_AddItemToArray(arr, record(i, &seed));

  char *compact = cJSON_PrintUnformatted(root);
  char *pretty = cJSON_Print(root);
  printf("compact %zu bytes %08x, pretty %zu bytes %08x\n", strlen(compact), fnv(compact), strlen(pretty), fnv(pretty));
  cJSON *a = cJSON_Parse(compact), *b = cJSON_Parse(pretty);
  if (!a || !b) { puts("parse failed"); return 1; }
  printf("round trip: %d %d\n", cJSON_Compare(root, a, 1), cJSON_Compare(a, b, 1));
  int count = 0;
  double s = walk(a, 0, &count);
  printf("walk: %d items, sum %.6f\n", count, s);

  // Edit: drop every third record, replace scores, then print again.
  cJSON *ra = cJSON_GetObjectItemCaseSensitive(a, "records");
  for (int i = cJSON_GetArraySize(ra) - 1; i >= 0; i -= 3) cJSON_DeleteItemFromArray(ra, i);
  cJSON *it;
  int k = 0;
  cJSON_ArrayForEach(it, ra) {
    cJSON_ReplaceItemInObjectCaseSensitive(it, "score", cJSON_CreateNumber(k++ * 0.1));
    cJSON_DeleteItemFromObject(it, "nothing");
  }
  char *edited = cJSON_PrintUnformatted(a);
  printf("edited: %d records, %zu bytes %08x, compare %d\n", cJSON_GetArraySize(ra), strlen(edited), fnv(edited),
         cJSON_Compare(a, b, 1));

  const char *texts[] = {
      "{\"u\":\"\\u00e9\\u4e2d\\ud83d\\ude00\",\"e\":[1e308,-0.0,5e-324,123456789012345678,0.1,1.7976931348623157e308]}",
      "[true,false,null,\"\\/\\b\\f\\n\\r\\t\",{\"a\":{\"b\":{\"c\":[[[]]]}}}]",
      "{\"x\":1,}",
      "[1,2,3",
      "  {\"deep\": [0.5, -2.25e+3, 17, \"s\"] }  trailing",
  };
  for (int i = 0; i < 5; i++) {
    const char *end = NULL;
    cJSON *t = cJSON_ParseWithOpts(texts[i], &end, 0);
    if (!t) {
      printf("text %d: error at offset %d\n", i, (int)(cJSON_GetErrorPtr() - texts[i]));
      continue;
    }
    char *p = cJSON_PrintUnformatted(t);
    printf("text %d: %s (stopped at %d)\n", i, p, (int)(end - texts[i]));
    cJSON_free(p);
    cJSON_Delete(t);
  }
  cJSON_free(compact);
  cJSON_free(pretty);
  cJSON_free(edited);
  cJSON_Delete(root);
  cJSON_Delete(a);
  cJSON_Delete(b);
  return 0;
}
