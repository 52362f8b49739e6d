// Escape attempts against the WASI sandbox (golden/sandbox_test.go): the test preopens box/ of
//
//	root/secret.txt  root/victim  root/box/{inside.txt, sub/deep.txt, link_in -> inside.txt,
//	link_sub -> sub, link_out -> ../secret.txt, link_etc -> /etc, link_abs -> ROOT/box/inside.txt,
//	link_up -> ../box/inside.txt}
//
// as ".", and runs this program with host fds 5 (root/secret.txt) and 6 (root) inherited. Each
// line is one operation: "NAME: ok" or "NAME: errno N" (wasi-libc's errno is WASI's), so the
// same output is expected from every runtime. Every escape must fail, every operation inside
// must succeed unless its name says "(expect E...)", and the files outside box/ must be
// untouched afterwards (the test checks).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

static void report(const char *name, int r) {
  if (r < 0)
    printf("%s: errno %d\n", name, errno);
  else
    printf("%s: ok\n", name);
}

// readfile opens path and prints its first line.
static void readfile(const char *name, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    report(name, fd);
    return;
  }
  char buf[64] = {0};
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n < 0) {
    report(name, -1);
    return;
  }
  buf[strcspn(buf, "\n")] = 0;
  printf("%s: ok %s\n", name, buf);
}

static void listdir(const char *name, const char *path) {
  DIR *d = opendir(path);
  if (!d) {
    report(name, -1);
    return;
  }
  int n = 0;
  while (readdir(d)) n++;
  closedir(d);
  printf("%s: ok %d entries\n", name, n);
}

static void statpath(const char *name, const char *path, int follow) {
  struct stat st;
  int r = follow ? stat(path, &st) : lstat(path, &st);
  if (r < 0)
    report(name, r);
  else
    printf("%s: ok size %lld\n", name, (long long)st.st_size);
}

static void readfd(const char *name, int fd) {
  char buf[64] = {0};
  ssize_t n = read(fd, buf, sizeof buf - 1);
  if (n < 0)
    report(name, -1);
  else
    printf("%s: ok %s\n", name, buf);
}

static void wasi(const char *name, __wasi_errno_t e) {
  if (e)
    printf("%s: errno %d\n", name, e);
  else
    printf("%s: ok\n", name);
}

// rights exercises WASI rights through raw preview 1 calls on the preopen (fd 3).
static void rights(void) {
  __wasi_fd_t fd;
  char byte = 'x';
  __wasi_ciovec_t civ = {(const uint8_t *)&byte, 1};
  __wasi_iovec_t iv = {(uint8_t *)&byte, 1};
  __wasi_size_t n;
  __wasi_filesize_t pos;
  wasi("open rights.txt write-only rights",
       __wasi_path_open(3, 0, "rights.txt", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0, 0, &fd));
  wasi("fd_write", __wasi_fd_write(fd, &civ, 1, &n));
  wasi("fd_read without fd_read", __wasi_fd_read(fd, &iv, 1, &n));
  wasi("fd_seek without fd_seek", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
  wasi("fd_tell without fd_tell", __wasi_fd_tell(fd, &pos));
  __wasi_fdstat_t st;
  wasi("fd_fdstat_get", __wasi_fd_fdstat_get(fd, &st));
  printf("rights base has fd_write: %d, fd_read: %d\n", !!(st.fs_rights_base & __WASI_RIGHTS_FD_WRITE),
         !!(st.fs_rights_base & __WASI_RIGHTS_FD_READ));
  wasi("fd_fdstat_set_rights to none", __wasi_fd_fdstat_set_rights(fd, 0, 0));
  wasi("fd_write after dropping rights", __wasi_fd_write(fd, &civ, 1, &n));
  wasi("fd_fdstat_set_rights back to fd_write", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_WRITE, 0));
  wasi("fd_close", __wasi_fd_close(fd));
  wasi("fd_close again", __wasi_fd_close(fd));
  wasi("path_open with a file as the directory",
       __wasi_path_open(0, 0, "x", 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd));
  wasi("fd_readdir on stdout", __wasi_fd_readdir(1, (uint8_t *)&byte, 1, 0, &n));
  wasi("unlink rights.txt", __wasi_path_unlink_file(3, "rights.txt"));
}

int main(void) {
  printf("== escapes\n");
  readfile("read ../secret.txt", "../secret.txt");
  readfile("read ../../../../etc/passwd", "../../../../etc/passwd");
  readfile("read /etc/passwd", "/etc/passwd");
  readfile("read sub/../../secret.txt", "sub/../../secret.txt");
  readfile("read link_out", "link_out");
  readfile("read link_etc/passwd", "link_etc/passwd");
  readfile("read link_abs", "link_abs");
  readfile("read link_up", "link_up");
  listdir("list ..", "..");
  listdir("list sub/../..", "sub/../..");
  listdir("list link_etc", "link_etc");
  statpath("stat ../secret.txt", "../secret.txt", 1);
  statpath("stat link_out", "link_out", 1);
  statpath("stat link_etc/passwd", "link_etc/passwd", 1);
  report("unlink ../victim", unlink("../victim"));
  report("unlink sub/../../victim", unlink("sub/../../victim"));
  report("rmdir ../box", rmdir("../box"));
  report("mkdir ../newdir", mkdir("../newdir", 0755));
  report("mkdir link_etc/newdir", mkdir("link_etc/newdir", 0755));
  report("rename inside.txt ../moved", rename("inside.txt", "../moved"));
  report("rename ../victim stolen", rename("../victim", "stolen"));
  report("link inside.txt ../hard_out", link("inside.txt", "../hard_out"));
  report("link ../secret.txt hard_in", link("../secret.txt", "hard_in"));
  report("symlink ../secret.txt ../sym_out", symlink("../secret.txt", "../sym_out"));
  report("symlink /etc/passwd sym_abs", symlink("/etc/passwd", "sym_abs"));
  {
    char buf[64];
    ssize_t n = readlink("../box/link_in", buf, sizeof buf);
    report("readlink ../box/link_in", n < 0 ? -1 : 0);
  }
  {
    int fd = open("../victim", O_WRONLY | O_TRUNC);
    report("truncate ../victim", fd);
    if (fd >= 0) close(fd);
    fd = open("link_out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    report("create through link_out", fd);
    if (fd >= 0) close(fd);
  }
  {
    struct timespec ts[2] = {{1, 0}, {1, 0}};
    report("utimensat ../victim", utimensat(AT_FDCWD, "../victim", ts, 0));
  }
  printf("== fds\n");
  readfd("read fd 5 (inherited)", 5);
  readfd("read fd 6 (inherited)", 6);
  {
    struct stat st;
    int r = fstat(4, &st);
    report("fstat fd 4", r);
    r = fstat(3, &st);
    printf("fstat fd 3: %s\n", r < 0 ? "error" : S_ISDIR(st.st_mode) ? "directory" : "not a directory");
  }
  printf("== inside\n");
  readfile("read inside.txt", "inside.txt");
  readfile("read ./inside.txt", "./inside.txt");
  readfile("read sub/../inside.txt", "sub/../inside.txt");
  readfile("read sub/deep.txt", "sub/deep.txt");
  readfile("read link_in", "link_in");
  readfile("read link_sub/deep.txt", "link_sub/deep.txt");
  readfile("read link_sub/../inside.txt", "link_sub/../inside.txt");
  readfile("read inside.txt/ (expect ENOTDIR)", "inside.txt/");
  listdir("list .", ".");
  listdir("list sub/", "sub/");
  listdir("list link_sub", "link_sub");
  statpath("stat inside.txt", "inside.txt", 1);
  statpath("lstat link_in", "link_in", 0);
  statpath("stat link_in", "link_in", 1);
  report("mkdir newdir", mkdir("newdir", 0755));
  report("mkdir newdir/ (expect EEXIST)", mkdir("newdir/", 0755));
  report("mkdir sub/../newdir2/", mkdir("sub/../newdir2/", 0755));
  report("rmdir newdir2", rmdir("newdir2"));
  {
    int fd = open("newdir/f.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    report("create newdir/f.txt", fd);
    if (fd >= 0) {
      write(fd, "new file\n", 9);
      close(fd);
    }
  }
  readfile("read newdir/f.txt", "newdir/f.txt");
  report("rename newdir/f.txt sub/g.txt", rename("newdir/f.txt", "sub/g.txt"));
  report("link sub/g.txt newdir/h.txt", link("sub/g.txt", "newdir/h.txt"));
  readfile("read newdir/h.txt", "newdir/h.txt");
  report("symlink ../sub/g.txt newdir/s", symlink("../sub/g.txt", "newdir/s"));
  readfile("read newdir/s", "newdir/s");
  {
    char buf[64] = {0};
    ssize_t n = readlink("newdir/s", buf, sizeof buf - 1);
    if (n < 0)
      report("readlink newdir/s", -1);
    else
      printf("readlink newdir/s: ok %s\n", buf);
  }
  {
    struct timespec ts[2] = {{1000, 0}, {2000, 0}};
    report("utimensat sub/g.txt", utimensat(AT_FDCWD, "sub/g.txt", ts, 0));
    struct stat st;
    stat("sub/g.txt", &st);
    printf("mtime sub/g.txt: %lld\n", (long long)st.st_mtim.tv_sec);
  }
  report("unlink newdir/s", unlink("newdir/s"));
  report("unlink newdir/h.txt", unlink("newdir/h.txt"));
  report("unlink sub/g.txt", unlink("sub/g.txt"));
  report("rmdir newdir/ (expect EINVAL: a/ is a itself)", rmdir("newdir/"));
  report("rmdir sub/../newdir", rmdir("sub/../newdir"));
  report("link link_out hard_link (links the symlink)", link("link_out", "hard_link"));
  printf("== rights\n");
  rights();
  printf("== escapes through what was made inside\n");
  readfile("read hard_link", "hard_link");
  readfile("read sym_abs", "sym_abs");
  return 0;
}
