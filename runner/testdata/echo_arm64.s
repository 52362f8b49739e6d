// Writes "hi\n" to stdout and argv[1] + "\n" to stderr, copies stdin to stdout, exits with 7:
// the native twin of echo.wat. Built with aarch64-linux-gnu-gcc -nostdlib -static.
        .global _start
        .text
_start:
        ldr     x19, [sp, #16]          // argv[1]
        mov     x0, #1
        adr     x1, hi
        mov     x2, #3
        mov     x8, #64                 // write
        svc     #0
        mov     x2, #0
1:      ldrb    w3, [x19, x2]
        cbz     w3, 2f
        add     x2, x2, #1
        b       1b
2:      mov     x0, #2
        mov     x1, x19
        mov     x8, #64
        svc     #0
        mov     x0, #2
        adr     x1, hi+2
        mov     x2, #1
        mov     x8, #64
        svc     #0
        sub     sp, sp, #1024
3:      mov     x0, #0
        mov     x1, sp
        mov     x2, #1024
        mov     x8, #63                 // read
        svc     #0
        cmp     x0, #0
        b.le    4f
        mov     x2, x0
        mov     x0, #1
        mov     x1, sp
        mov     x8, #64
        svc     #0
        b       3b
4:      mov     x0, #7
        mov     x8, #94                 // exit_group
        svc     #0
hi:     .ascii  "hi\n"
