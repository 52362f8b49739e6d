// Forced into every liblzma source of the xz outside program (-include): liblzma's mythread.h
// declares a sigprocmask wrapper for single-threaded builds, and wasm32-wasi has no signal masks
// (its emulated <signal.h> has no sigset_t). liblzma never calls the wrapper when built without
// threads; these declarations only let it compile. Nothing changes for gcc's build.
#if defined(__wasi__)
typedef unsigned sigset_t;
static inline int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  (void)how, (void)set, (void)old;
  return 0;
}
#endif
