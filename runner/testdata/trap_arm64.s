// Prints the trap line the backend's runtime prints and exits with 134, like a divide by zero.
        .global _start
        .text
_start:
        mov     x0, #2
        adr     x1, msg
        mov     x2, #(end - msg)
        mov     x8, #64
        svc     #0
        mov     x0, #134
        mov     x8, #94
        svc     #0
msg:    .ascii  "error: integer divide by zero\n"
end:
