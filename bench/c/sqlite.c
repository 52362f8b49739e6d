// sqlite: SQLite 3 (the amalgamation of Debian's sqlite3 source package) on an in-memory database:
// two tables of a few thousand rows each from a fixed pseudo-random sequence, an index, then
// joins, aggregates, ORDER BY, LIKE/GLOB, window functions, recursive CTEs, JSON, UPDATE and
// DELETE, and an integrity check. Every result goes through SQLite's own number formatting and is
// printed (small results) or hashed (large ones), so the output is the same on every target.
//
// argv[1] scales the row counts (default 1). SQLite is built with SQLITE_OS_OTHER: the VFS below
// is the whole operating-system layer, deterministic (fixed randomness and clock) and file-less,
// so the run needs nothing of the platform but malloc and stdio.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite3.h"

// ---- the VFS: no files (the database and every temporary store are in memory) ----

static unsigned long long vfs_seed = 0x2545F4914F6CDD1DULL;

static int vfs_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out) {
  (void)v, (void)name, (void)flags, (void)out;
  f->pMethods = 0;
  return SQLITE_CANTOPEN;
}
static int vfs_delete(sqlite3_vfs *v, const char *name, int sync) {
  (void)v, (void)name, (void)sync;
  return SQLITE_IOERR_DELETE_NOENT;
}
static int vfs_access(sqlite3_vfs *v, const char *name, int flags, int *out) {
  (void)v, (void)name, (void)flags;
  *out = 0;
  return SQLITE_OK;
}
static int vfs_fullpath(sqlite3_vfs *v, const char *name, int n, char *out) {
  (void)v;
  sqlite3_snprintf(n, out, "%s", name);
  return SQLITE_OK;
}
static int vfs_randomness(sqlite3_vfs *v, int n, char *out) {
  (void)v;
  for (int i = 0; i < n; i++) {
    vfs_seed = vfs_seed * 6364136223846793005ULL + 1442695040888963407ULL;
    out[i] = (char)(vfs_seed >> 56);
  }
  return n;
}
static int vfs_sleep(sqlite3_vfs *v, int us) {
  (void)v;
  return us;
}
// 2024-01-02 03:04:05 UTC as a Julian day number.
static int vfs_time(sqlite3_vfs *v, double *out) {
  (void)v;
  *out = 2460311.627835648;
  return SQLITE_OK;
}
static int vfs_lasterror(sqlite3_vfs *v, int n, char *out) {
  (void)v, (void)n, (void)out;
  return 0;
}

static sqlite3_vfs vfs = {
  1, sizeof(sqlite3_file), 512, 0, "memonly", 0,
  vfs_open, vfs_delete, vfs_access, vfs_fullpath,
  0, 0, 0, 0,
  vfs_randomness, vfs_sleep, vfs_time, vfs_lasterror,
};

int sqlite3_os_init(void) { return sqlite3_vfs_register(&vfs, 1); }
int sqlite3_os_end(void) { return SQLITE_OK; }

// ---- running statements ----

static sqlite3 *db;

static void fail(const char *what) {
  printf("error: %s: %s\n", what, sqlite3_errmsg(db));
  exit(1);
}

static void exec(const char *sql) {
  char *err = 0;
  if (sqlite3_exec(db, sql, 0, 0, &err) != SQLITE_OK) {
    printf("error: %s: %s\n", sql, err);
    exit(1);
  }
}

// query prints every row of sql (columns separated by '|'), or with hash set only the row count
// and an FNV-1a hash of all the text, which keeps large results out of the output.
static void query(const char *title, const char *sql, int hash) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK)
    fail(sql);
  printf("-- %s\n", title);
  unsigned long long h = 0xcbf29ce484222325ULL;
  int rows = 0, rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    rows++;
    for (int i = 0; i < sqlite3_column_count(st); i++) {
      const unsigned char *t = sqlite3_column_text(st, i);
      const char *s = t ? (const char *)t : "NULL";
      if (hash) {
        for (const char *p = s; *p; p++)
          h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
        h = (h ^ '|') * 0x100000001b3ULL;
      } else {
        printf("%s%s", i ? "|" : "", s);
      }
    }
    if (!hash)
      printf("\n");
  }
  if (rc != SQLITE_DONE)
    fail(sql);
  sqlite3_finalize(st);
  if (hash)
    printf("rows %d hash %016llx\n", rows, h);
}

// expect_error runs sql, which must fail, and prints SQLite's message.
static void expect_error(const char *title, const char *sql) {
  char *err = 0;
  printf("-- %s\n", title);
  if (sqlite3_exec(db, sql, 0, 0, &err) == SQLITE_OK) {
    printf("error: no error from %s\n", sql);
    exit(1);
  }
  printf("error %d: %s\n", sqlite3_extended_errcode(db), err);
  sqlite3_free(err);
}

// ---- the data: a fixed pseudo-random sequence ----

static unsigned int lcg = 12345;
static unsigned int next(void) {
  lcg = lcg * 1103515245u + 12345u;
  return (lcg >> 8) & 0xffffff;
}

static const char *cities[] = {"Lisbon", "Oslo", "Quito", "Nairobi", "Hanoi", "Lima", "Perth", "Tunis"};
static const char *syll[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "ab", "or", "un"};

static void word(char *out, int n) {
  out[0] = 0;
  for (int i = 0; i < n; i++)
    strcat(out, syll[next() % 12]);
}

static void load(int customers, int orders) {
  sqlite3_stmt *st;
  char name[64], note[128];
  exec("BEGIN");
  if (sqlite3_prepare_v2(db, "INSERT INTO customer(id, name, city, score) VALUES(?1, ?2, ?3, ?4)", -1, &st, 0))
    fail("prepare customer");
  for (int i = 1; i <= customers; i++) {
    word(name, 2 + next() % 3);
    name[0] -= 32;
    sqlite3_bind_int(st, 1, i);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, cities[next() % 8], -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 4, (next() % 100000) / 1000.0);
    if (sqlite3_step(st) != SQLITE_DONE)
      fail("insert customer");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(db, "INSERT INTO orders(cust, item, qty, price, note) VALUES(?1, ?2, ?3, ?4, ?5)", -1, &st, 0))
    fail("prepare orders");
  for (int i = 1; i <= orders; i++) {
    word(name, 1 + next() % 2);
    int words = next() % 4;
    note[0] = 0;
    for (int w = 0; w < words; w++) {
      char part[32];
      word(part, 1 + next() % 3);
      if (w)
        strcat(note, " ");
      strcat(note, part);
    }
    sqlite3_bind_int(st, 1, 1 + next() % customers);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, 1 + next() % 20);
    sqlite3_bind_double(st, 4, (next() % 50000) / 100.0);
    if (words)
      sqlite3_bind_text(st, 5, note, -1, SQLITE_TRANSIENT);
    else
      sqlite3_bind_null(st, 5);
    if (sqlite3_step(st) != SQLITE_DONE)
      fail("insert orders");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
  }
  sqlite3_finalize(st);
  exec("COMMIT");
}

// extensions: full-text search (FTS5), R-trees, the math functions, blobs and randomness.
static void extensions(void) {
  exec("CREATE VIRTUAL TABLE doc USING fts5(title, body);"
       "INSERT INTO doc(rowid, title, body) SELECT id, item, note FROM orders WHERE note IS NOT NULL");
  query("fts match", "SELECT count(*) FROM doc WHERE doc MATCH 'kalo OR mito'", 0);
  query("fts rank", "SELECT rowid, title, snippet(doc, 1, '[', ']', '...', 4), round(bm25(doc), 4) FROM doc"
                    " WHERE doc MATCH 'ka* NOT vi*' ORDER BY rank, rowid LIMIT 6", 0);
  query("fts highlight", "SELECT rowid, highlight(doc, 1, '<', '>') FROM doc WHERE doc MATCH 'body:ru*'"
                         " ORDER BY rowid", 1);
  exec("CREATE VIRTUAL TABLE box USING rtree(id, x0, x1, y0, y1);"
       "INSERT INTO box SELECT id, score, score + id % 7, id * 37 % 100, id * 37 % 100 + 3.5 FROM customer");
  query("rtree", "SELECT count(*), sum(id), min(x0), max(y1) FROM box"
                 " WHERE x0 <= 50 AND x1 >= 45 AND y0 <= 60 AND y1 >= 55", 0);
  query("math", "SELECT round(sqrt(2), 12), round(exp(1), 10), round(ln(10), 10), round(pow(2, 0.5), 10),"
                " round(sin(1), 10), round(atan2(1, 2), 10), floor(-2.5), ceil(2.1), log10(1000), log2(1024),"
                " round(pi(), 12), mod(17.5, 4)", 0);
  query("floats", "SELECT 0.1 + 0.2, 1e-300 * 1e-300, 4.9e-324, 1.7976931348623157e308, printf('%.20e', 1.0 / 3),"
                  " printf('%!.20e', 1.0 / 3), printf('%g|%e|%10.4f|%-+8d|%q|%Q|%w', 12345.678, -0.000123, 3.14159,"
                  " 42, 'it''s', NULL, 'a\"b'), 9.999999999999999e22, cast('0x1F' AS INTEGER), 0x7fffffffffffffff", 0);
  query("blobs", "SELECT hex(randomblob(8)), hex(zeroblob(4)), length(randomblob(1000)), random(),"
                 " quote(x'00ff10'), typeof(x'01'), length(cast(x'41424300' AS TEXT))", 0);
  query("unicode", "SELECT upper('stra\xc3\x9f\x65'), length('h\xc3\xa9llo'), unicode('\xc3\xa9'), char(233, 20013),"
                   " lower('\xc3\x80" "BC'), 'x\xc3\xa9' LIKE 'X\xc3\xa9', instr('na\xc3\xafve', 've'),"
                   " substr('\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97', 2, 1)", 0);
  query("explain", "EXPLAIN SELECT c.city, sum(o.qty) FROM customer c JOIN orders o ON o.cust = c.id"
                   " WHERE o.item LIKE 'k%' GROUP BY c.city ORDER BY 2", 1);
  expect_error("overflow", "SELECT sum(column1) FROM (VALUES(9223372036854775807), (1))");
  expect_error("syntax", "SELECT * FORM customer");
  expect_error("constraint", "INSERT INTO customer(id, name) VALUES(1, 'dup')");
}

// schema_features: triggers, views, savepoints, upserts, generated columns, ANALYZE and VACUUM.
static void schema_features(void) {
  exec("CREATE TABLE audit(n INTEGER, what TEXT);"
       "CREATE TRIGGER score_changed AFTER UPDATE OF score ON customer BEGIN"
       " INSERT INTO audit VALUES(new.id, old.score || '->' || new.score); END;"
       "CREATE VIEW spending AS SELECT c.id, c.name, sum(o.qty * o.price) AS spent FROM customer c"
       " JOIN orders o ON o.cust = c.id GROUP BY c.id;"
       "SAVEPOINT a; UPDATE customer SET score = score + 1 WHERE id % 50 = 0; ROLLBACK TO a; RELEASE a;"
       "UPDATE customer SET score = score * 2 WHERE id % 100 = 0;"
       "CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER, twice INTEGER AS (v * 2) STORED, tag TEXT AS (upper(k)));"
       "INSERT INTO kv(k, v) SELECT item, qty FROM orders WHERE true"
       " ON CONFLICT(k) DO UPDATE SET v = v + excluded.v;"
       "ALTER TABLE kv ADD COLUMN extra TEXT DEFAULT 'x';"
       "ALTER TABLE kv RENAME COLUMN extra TO more;"
       "ANALYZE; VACUUM");
  query("trigger", "SELECT count(*), min(what), max(what) FROM audit", 0);
  query("view", "SELECT name, round(spent, 2) FROM spending ORDER BY spent, id LIMIT 3", 0);
  query("upsert", "SELECT count(*), sum(v), sum(twice), max(tag), min(more) FROM kv", 0);
  query("kv", "SELECT * FROM kv ORDER BY v DESC, k", 1);
  query("stat1", "SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx", 0);
  query("schema", "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name", 1);
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 1;
  if (scale < 1)
    scale = 1;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK)
    fail("open");
  printf("sqlite %s\n", sqlite3_libversion());
  exec("PRAGMA temp_store = MEMORY");
  exec("CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT, score REAL);"
       "CREATE TABLE orders(id INTEGER PRIMARY KEY, cust INTEGER REFERENCES customer(id), item TEXT,"
       " qty INTEGER, price REAL, note TEXT)");
  load(1000 * scale, 4000 * scale);
  exec("CREATE INDEX orders_cust ON orders(cust); CREATE INDEX customer_city ON customer(city, score)");

  query("counts", "SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM orders),"
                  " (SELECT count(note) FROM orders)", 0);
  query("totals", "SELECT sum(qty), round(sum(qty*price), 2), round(avg(price), 4), min(price), max(price),"
                  " total(qty) FROM orders", 0);
  query("by city", "SELECT city, count(*), round(avg(score), 3), printf('%.2f', max(score)),"
                   " group_concat(substr(name, 1, 1), '') FILTER (WHERE id % 97 = 0) FROM customer"
                   " GROUP BY city ORDER BY city", 0);
  query("top customers", "SELECT c.name, c.city, count(o.id) AS n, round(sum(o.qty*o.price), 2) AS spent"
                         " FROM customer c JOIN orders o ON o.cust = c.id GROUP BY c.id"
                         " ORDER BY spent DESC, c.id LIMIT 10", 0);
  query("no orders", "SELECT count(*) FROM customer c WHERE NOT EXISTS"
                     " (SELECT 1 FROM orders o WHERE o.cust = c.id)", 0);
  query("like", "SELECT count(*), count(DISTINCT item), min(item), max(item) FROM orders"
                " WHERE note LIKE '%kalo%' OR item LIKE 'Ru%'", 0);
  query("glob", "SELECT item, count(*) FROM orders WHERE item GLOB '[k-m]?' GROUP BY item ORDER BY 2 DESC, 1", 0);
  query("having", "SELECT cust, count(*), sum(qty) FROM orders GROUP BY cust HAVING count(*) >= 9"
                  " ORDER BY 2 DESC, 1 LIMIT 8", 0);
  query("all orders sorted", "SELECT o.id, c.name, o.item, o.qty, o.price, upper(o.note), length(o.note)"
                             " FROM orders o LEFT JOIN customer c ON c.id = o.cust"
                             " ORDER BY o.price * o.qty DESC, o.note, o.id", 1);
  query("window", "SELECT city, name, score, rank FROM (SELECT city, name, score,"
                  " rank() OVER (PARTITION BY city ORDER BY score DESC, id) AS rank FROM customer)"
                  " WHERE rank <= 2 ORDER BY city, rank", 0);
  query("running totals", "SELECT id, sum(price) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND CURRENT ROW),"
                          " lag(item) OVER (ORDER BY id), ntile(7) OVER (ORDER BY price, id) FROM orders", 1);
  query("recursive cte", "WITH RECURSIVE fib(i, a, b) AS (SELECT 1, 0, 1 UNION ALL"
                         " SELECT i+1, b, a+b FROM fib WHERE i < 80) SELECT i, a FROM fib WHERE i % 10 = 0", 0);
  query("mandelbrot",
        "WITH RECURSIVE xaxis(x) AS (VALUES(-2.0) UNION ALL SELECT x+0.05 FROM xaxis WHERE x<1.2),"
        " yaxis(y) AS (VALUES(-1.0) UNION ALL SELECT y+0.1 FROM yaxis WHERE y<1.0),"
        " m(iter, cx, cy, x, y) AS (SELECT 0, x, y, 0.0, 0.0 FROM xaxis, yaxis UNION ALL"
        " SELECT iter+1, cx, cy, x*x-y*y + cx, 2.0*x*y + cy FROM m WHERE (x*x + y*y) < 4.0 AND iter<28),"
        " m2(iter, cx, cy) AS (SELECT max(iter), cx, cy FROM m GROUP BY cx, cy),"
        " a(t) AS (SELECT group_concat(substr(' .+*#', 1+min(iter/7,4), 1), '') FROM m2 GROUP BY cy)"
        " SELECT group_concat(rtrim(t), x'0a') FROM a",
        0);
  query("json", "SELECT json_object('city', city, 'n', count(*), 'ids', json_group_array(id))"
                " FROM (SELECT * FROM customer WHERE id <= 40 ORDER BY id) GROUP BY city ORDER BY city", 0);
  query("json each", "SELECT sum(value), count(*) FROM json_each((SELECT json_group_array(qty) FROM orders))", 0);
  query("strings", "SELECT hex(substr(name, 2, 3)), replace(name, 'a', '@'), instr(name, 'o'), quote(score),"
                   " trim(name, 'K'), printf('%08.3f|%-6s|%x', score, city, id) FROM customer WHERE id % 150 = 1", 0);
  query("dates", "SELECT date('now'), datetime('now', '+1 month', 'start of month'), strftime('%j %W %s', '2023-07-14'),"
                 " julianday('2000-01-01 12:00:00'), date(2451545.5 + 1000)", 0);
  query("numbers", "SELECT 1e308*10, -0.0, 1/3.0, 2.5e-7, 123456789012345678, 9223372036854775807 + 1,"
                   " cast('12.5e3xyz' AS REAL), cast(7.9 AS INTEGER), 17 % 5, -17 / 5, abs(-2.5), round(2.675, 2)", 0);
  exec("UPDATE orders SET price = round(price * 1.1, 2), note = coalesce(note, 'none') WHERE qty > 15");
  exec("DELETE FROM orders WHERE cust IN (SELECT id FROM customer WHERE city = 'Oslo' AND score < 30)");
  query("after update", "SELECT count(*), round(sum(price), 2), sum(note = 'none') FROM orders", 0);
  query("distinct union", "SELECT city FROM customer UNION SELECT item FROM orders WHERE qty = 20"
                          " EXCEPT SELECT 'Lima' ORDER BY 1", 1);
  extensions();
  schema_features();
  query("integrity", "PRAGMA integrity_check", 0);
  sqlite3_close(db);
  return 0;
}
