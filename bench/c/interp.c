// An interpreter loop: a small stack-machine bytecode (switch dispatch) running a loop that sums
// a Collatz-like sequence and calls a subroutine, the way a scripting VM spends its time.
// Argument: iterations (default 20000).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, AND, SHR, JZ, JMP, LT, CALL, RET, DUP, DROP, HALT };

typedef struct { uint8_t op; int32_t arg; } ins;

static int64_t run(const ins *code, int64_t *vars) {
  int64_t stack[256], *sp = stack;
  int rstack[64], rp = 0, pc = 0;
  for (;;) {
    ins i = code[pc++];
    switch (i.op) {
      case PUSH: *sp++ = i.arg; break;
      case LOAD: *sp++ = vars[i.arg]; break;
      case STORE: vars[i.arg] = *--sp; break;
      case ADD: sp--; sp[-1] += sp[0]; break;
      case SUB: sp--; sp[-1] -= sp[0]; break;
      case MUL: sp--; sp[-1] *= sp[0]; break;
      case AND: sp--; sp[-1] &= sp[0]; break;
      case SHR: sp--; sp[-1] >>= sp[0]; break;
      case LT: sp--; sp[-1] = sp[-1] < sp[0]; break;
      case JZ: if (*--sp == 0) pc = i.arg; break;
      case JMP: pc = i.arg; break;
      case CALL: rstack[rp++] = pc; pc = i.arg; break;
      case RET: pc = rstack[--rp]; break;
      case DUP: sp[0] = sp[-1]; sp++; break;
      case DROP: sp--; break;
      case HALT: return vars[1];
    }
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 20000;
  // vars: 0 = i, 1 = acc, 2 = x, 3 = n
  const ins code[] = {
    /*0*/ {PUSH, 0}, {STORE, 0},
    /*2*/ {LOAD, 0}, {LOAD, 3}, {LT, 0}, {JZ, 22},
    /*6*/ {LOAD, 0}, {STORE, 2}, {CALL, 23},
    /*9*/ {LOAD, 1}, {LOAD, 2}, {ADD, 0}, {PUSH, 0xffffff}, {AND, 0}, {STORE, 1},
    /*15*/ {LOAD, 0}, {PUSH, 1}, {ADD, 0}, {STORE, 0}, {JMP, 2}, {HALT, 0}, {HALT, 0},
    /*22*/ {HALT, 0},
    // subroutine: x = x*5+1 until x is a multiple of 8 (at most 7 steps), then x >>= 2
    /*23*/ {LOAD, 2}, {PUSH, 7}, {AND, 0}, {JZ, 35},
    /*27*/ {LOAD, 2}, {PUSH, 5}, {MUL, 0}, {PUSH, 1}, {ADD, 0}, {STORE, 2}, {JMP, 23}, {HALT, 0},
    /*35*/ {LOAD, 2}, {PUSH, 2}, {SHR, 0}, {STORE, 2}, {RET, 0},
  };
  int64_t vars[4] = {0, 0, 0, n};
  int64_t r = run(code, vars);
  printf("acc=%lld i=%lld\n", (long long)r, (long long)vars[0]);
  return 0;
}
