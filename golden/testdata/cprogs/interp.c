// A switch-dispatched bytecode interpreter for a small stack machine, running three programs:
// an iterative Fibonacci, a prime sieve count and an arithmetic fold, assembled with labels.
// The last program's result becomes the exit status (nonzero), so exit codes are compared too.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum op {
	PUSH, POP, DUP, SWAP, OVER, ADD, SUB, MUL, DIV, MOD, LT, EQ, NOT, JMP, JZ, LOAD, STORE,
	LOADI, STOREI, PRINT, HALT
};

static const char *names[] = {"push", "pop", "dup", "swap", "over", "add", "sub", "mul", "div", "mod", "lt",
                              "eq", "not", "jmp", "jz", "load", "store", "loadi", "storei", "print", "halt"};

struct vm {
	int64_t stack[256];
	int sp;
	int64_t vars[16];
	int64_t *mem;
	uint64_t steps;
	uint32_t opcount[HALT + 1];
};

static int64_t run(struct vm *vm, const int64_t *code) {
	int pc = 0;
	vm->sp = 0;
	for (;;) {
		enum op op = (enum op)code[pc++];
		vm->steps++;
		vm->opcount[op]++;
		int64_t a, b;
		switch (op) {
		case PUSH: vm->stack[vm->sp++] = code[pc++]; break;
		case POP: vm->sp--; break;
		case DUP: vm->stack[vm->sp] = vm->stack[vm->sp - 1]; vm->sp++; break;
		case SWAP: a = vm->stack[vm->sp - 1]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 2]; vm->stack[vm->sp - 2] = a; break;
		case OVER: vm->stack[vm->sp] = vm->stack[vm->sp - 2]; vm->sp++; break;
		case ADD: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] += b; break;
		case SUB: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] -= b; break;
		case MUL: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] *= b; break;
		case DIV: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] /= b; break;
		case MOD: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] %= b; break;
		case LT: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 1] < b; break;
		case EQ: b = vm->stack[--vm->sp]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 1] == b; break;
		case NOT: vm->stack[vm->sp - 1] = !vm->stack[vm->sp - 1]; break;
		case JMP: pc = (int)code[pc]; break;
		case JZ: a = vm->stack[--vm->sp]; pc = a == 0 ? (int)code[pc] : pc + 1; break;
		case LOAD: vm->stack[vm->sp++] = vm->vars[code[pc++]]; break;
		case STORE: vm->vars[code[pc++]] = vm->stack[--vm->sp]; break;
		case LOADI: a = vm->stack[vm->sp - 1]; vm->stack[vm->sp - 1] = vm->mem[a]; break;
		case STOREI: a = vm->stack[--vm->sp]; b = vm->stack[--vm->sp]; vm->mem[a] = b; break;
		case PRINT: printf("  out %lld\n", (long long)vm->stack[--vm->sp]); break;
		case HALT: return vm->sp > 0 ? vm->stack[vm->sp - 1] : 0;
		default: printf("bad opcode %d at %d\n", (int)op, pc - 1); exit(99);
		}
	}
}

// A tiny assembler: programs are built with labels, jump targets patched when a label is placed.
struct asm_ {
	int64_t code[512];
	int n;
	int label_at[16];
	int fixup_at[32], fixup_label[32], nfix;
};

static void emit(struct asm_ *a, enum op op) { a->code[a->n++] = op; }
static void emit1(struct asm_ *a, enum op op, int64_t arg) {
	a->code[a->n++] = op;
	a->code[a->n++] = arg;
}
static void jump(struct asm_ *a, enum op op, int label) {
	a->code[a->n++] = op;
	a->fixup_at[a->nfix] = a->n;
	a->fixup_label[a->nfix++] = label;
	a->code[a->n++] = -1;
}
static void label(struct asm_ *a, int l) { a->label_at[l] = a->n; }
static const int64_t *asm_link(struct asm_ *a) {
	for (int i = 0; i < a->nfix; i++)
		a->code[a->fixup_at[i]] = a->label_at[a->fixup_label[i]];
	return a->code;
}

// fib(n) mod 1e9+7 for n = vars[0]: a=0 b=1; while n { a, b = b, (a+b)%M; n-- }; print a.
static const int64_t *fib_program(struct asm_ *a) {
	enum { LOOP, DONE };
	emit1(a, PUSH, 0), emit1(a, STORE, 1), emit1(a, PUSH, 1), emit1(a, STORE, 2);
	label(a, LOOP);
	emit1(a, LOAD, 0), jump(a, JZ, DONE);
	emit1(a, LOAD, 2), emit(a, DUP), emit1(a, LOAD, 1), emit(a, ADD), emit1(a, PUSH, 1000000007), emit(a, MOD);
	emit1(a, STORE, 2), emit1(a, STORE, 1);
	emit1(a, LOAD, 0), emit1(a, PUSH, 1), emit(a, SUB), emit1(a, STORE, 0), jump(a, JMP, LOOP);
	label(a, DONE);
	emit1(a, LOAD, 1), emit(a, DUP), emit(a, PRINT), emit(a, HALT);
	return asm_link(a);
}

// Count the primes below vars[0] with a sieve in vm->mem (0 = maybe prime).
static const int64_t *sieve_program(struct asm_ *a) {
	enum { OUTER, PRIME, INNER, NEXT, DONE };
	emit1(a, PUSH, 2), emit1(a, STORE, 1), emit1(a, PUSH, 0), emit1(a, STORE, 3);
	label(a, OUTER);
	emit1(a, LOAD, 1), emit1(a, LOAD, 0), emit(a, LT), jump(a, JZ, DONE);
	emit1(a, LOAD, 1), emit(a, LOADI), jump(a, JZ, PRIME), jump(a, JMP, NEXT);
	label(a, PRIME);
	emit1(a, LOAD, 3), emit1(a, PUSH, 1), emit(a, ADD), emit1(a, STORE, 3);
	emit1(a, LOAD, 1), emit(a, DUP), emit(a, MUL), emit1(a, STORE, 2);
	label(a, INNER);
	emit1(a, LOAD, 2), emit1(a, LOAD, 0), emit(a, LT), jump(a, JZ, NEXT);
	emit1(a, PUSH, 1), emit1(a, LOAD, 2), emit(a, STOREI);
	emit1(a, LOAD, 2), emit1(a, LOAD, 1), emit(a, ADD), emit1(a, STORE, 2), jump(a, JMP, INNER);
	label(a, NEXT);
	emit1(a, LOAD, 1), emit1(a, PUSH, 1), emit(a, ADD), emit1(a, STORE, 1), jump(a, JMP, OUTER);
	label(a, DONE);
	emit1(a, LOAD, 3), emit(a, HALT);
	return asm_link(a);
}

// Fold: the sum over k < vars[0] of (k*k*7+3) % 11 - 5, with a SWAP/OVER/EQ/NOT detour.
static const int64_t *fold_program(struct asm_ *a) {
	enum { LOOP, DONE, SKIP };
	emit1(a, PUSH, 0), emit1(a, STORE, 1), emit1(a, PUSH, 0), emit1(a, STORE, 2);
	label(a, LOOP);
	emit1(a, LOAD, 1), emit1(a, LOAD, 0), emit(a, LT), jump(a, JZ, DONE);
	emit1(a, LOAD, 1), emit(a, DUP), emit(a, MUL), emit1(a, PUSH, 7), emit(a, MUL), emit1(a, PUSH, 3), emit(a, ADD);
	emit1(a, PUSH, 11), emit(a, MOD), emit1(a, PUSH, 5), emit(a, SWAP), emit(a, SUB); // 5 - x
	emit1(a, PUSH, 0), emit(a, SWAP), emit(a, SUB);                                  // x - 5
	emit1(a, LOAD, 2), emit(a, ADD), emit1(a, STORE, 2);
	// every 1000th k: divide the sum by 3 (exercises DIV, EQ, NOT, OVER, POP)
	emit1(a, LOAD, 1), emit1(a, PUSH, 1000), emit(a, MOD), emit1(a, PUSH, 0), emit(a, EQ), emit(a, NOT), jump(a, JZ, SKIP + 0);
	label(a, SKIP + 1);
	emit1(a, LOAD, 1), emit1(a, PUSH, 1), emit(a, ADD), emit1(a, STORE, 1), jump(a, JMP, LOOP);
	label(a, SKIP);
	emit1(a, LOAD, 2), emit1(a, PUSH, 3), emit(a, OVER), emit(a, POP), emit(a, DIV), emit1(a, STORE, 2);
	jump(a, JMP, SKIP + 1);
	label(a, DONE);
	emit1(a, LOAD, 2), emit(a, HALT);
	return asm_link(a);
}

int main(void) {
	static struct asm_ fa, sa, ga;
	struct vm *vm = calloc(1, sizeof *vm);
	vm->mem = calloc(60000, sizeof *vm->mem);
	vm->vars[0] = 90;
	printf("fib(90) mod p = %lld\n", (long long)run(vm, fib_program(&fa)));
	vm->vars[0] = 60000;
	printf("primes below 60000 = %lld\n", (long long)run(vm, sieve_program(&sa)));
	vm->vars[0] = 40000;
	int64_t folded = run(vm, fold_program(&ga));
	printf("fold = %lld\n", (long long)folded);
	printf("steps = %llu\n", (unsigned long long)vm->steps);
	for (int op = 0; op <= HALT; op++)
		if (vm->opcount[op])
			printf("  %-6s %u\n", names[op], vm->opcount[op]);
	int status = (int)(((folded % 255) + 255) % 255) + 1;
	printf("exit status %d\n", status);
	free(vm->mem);
	free(vm);
	return status;
}
