// escape.c: file operations a sandboxed WASI program tries, inside its preopened directory (".")
// and out of it. Each prints "NAME: ok" or "NAME: refused"; TestSandbox says which is right and
// checks that nothing outside the preopen changed.
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void report(const char *name, int ok) { printf("%s: %s\n", name, ok ? "ok" : "refused"); }

// readable: the file opens and its first bytes read.
static int readable(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return 0;
    char buf[16];
    int n = read(fd, buf, sizeof buf);
    close(fd);
    return n > 0;
}

static int listable(const char *path) {
    DIR *d = opendir(path);
    if (!d) return 0;
    int n = 0;
    while (readdir(d)) n++;
    closedir(d);
    return n > 0;
}

static int creatable(const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0) return 0;
    int n = write(fd, "x", 1);
    close(fd);
    return n == 1;
}

int main(void) {
    struct stat st;
    char buf[256];
    // Inside the sandbox: all must work.
    report("read inside.txt", readable("inside.txt"));
    report("read sub/../inside.txt", readable("sub/../inside.txt"));
    report("read link_in/inside2.txt", readable("link_in/inside2.txt"));
    report("read sub/up_in/inside.txt", readable("sub/up_in/inside.txt"));
    report("list .", listable("."));
    report("list link_in", listable("link_in"));
    report("stat link_in/inside2.txt", stat("link_in/inside2.txt", &st) == 0);
    report("readlink link_in", readlink("link_in", buf, sizeof buf) > 0);
    report("mkdir sub/made", mkdir("sub/made", 0755) == 0);
    report("create sub/new.txt", creatable("sub/new.txt"));
    report("rename sub/new.txt sub/renamed.txt", rename("sub/new.txt", "sub/renamed.txt") == 0);
    report("link sub/renamed.txt sub/hard.txt", link("sub/renamed.txt", "sub/hard.txt") == 0);
    report("symlink renamed.txt sub/soft.txt", symlink("renamed.txt", "sub/soft.txt") == 0);
    report("read sub/soft.txt", readable("sub/soft.txt"));
    report("unlink sub/hard.txt", unlink("sub/hard.txt") == 0);
    report("rmdir sub/made", rmdir("sub/made") == 0);
    // Out of it: all must be refused.
    report("read ../outside/outside.txt", readable("../outside/outside.txt"));
    report("read link_out/outside.txt", readable("link_out/outside.txt"));
    report("read rel_out/outside.txt", readable("rel_out/outside.txt"));
    report("read chain/outside.txt", readable("chain/outside.txt"));
    report("read file_link_out", readable("file_link_out"));
    report("read sub/up_in/../outside/outside.txt", readable("sub/up_in/../outside/outside.txt"));
    report("list ..", listable(".."));
    report("list link_out", listable("link_out"));
    report("stat link_out/outside.txt", stat("link_out/outside.txt", &st) == 0);
    report("create dangling_out", creatable("dangling_out"));
    report("create link_out/created.txt", creatable("link_out/created.txt"));
    report("mkdir link_out/made", mkdir("link_out/made", 0755) == 0);
    report("unlink ../victim", unlink("../victim") == 0);
    report("unlink link_out/outside.txt", unlink("link_out/outside.txt") == 0);
    report("rename inside.txt ../moved", rename("inside.txt", "../moved") == 0);
    report("rename ../victim stolen", rename("../victim", "stolen") == 0);
    report("rename link_out/outside.txt stolen", rename("link_out/outside.txt", "stolen") == 0);
    report("link ../victim hard", link("../victim", "hard") == 0);
    report("link link_out/outside.txt hard", link("link_out/outside.txt", "hard") == 0);
    report("symlink /etc abs", symlink("/etc", "abs") == 0);
    report("symlink ../outside sub/made_out then read", symlink("../../outside", "sub/made_out") == 0 &&
                                                     readable("sub/made_out/outside.txt"));
    report("readlink ../outside_link", readlink("../outside_link", buf, sizeof buf) > 0);
    report("readlink link_out (an absolute target)", readlink("link_out", buf, sizeof buf) > 0);
    return 0;
}
