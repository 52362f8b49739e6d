;; Block layout (optimize-block-layout, then resolve-branches). A loop's blocks are laid out in a
;; chain, so an iteration takes one branch: search's loop is six instructions with its exit
;; conditions branching out, invariant's three (without the pass, the loop test is placed after
;; the body and each iteration also jumps back). In diamond the else arm falls through into the
;; join and the then arm, placed after the return, jumps back (select-instructions already
;; orders it so). No branch goes to the next instruction.
;; needs: optimize-block-layout
(module
  (memory 1)
  ;; arm64:"^ldr\tw[0-9]+, \\[x28,x[0-9]+\\]\ncmp\tw[0-9]+, w[0-9]+\nb\\.eq\t\\.\\+0x18\nadd\tw[0-9]+, w[0-9]+, #0x4\ncmp\tw[0-9]+, w[0-9]+\nb\\.cc\t\\.\\+0xffffffffffffffec$",-"^b\t"
  (func $search (param i32 i32) (result i32)
    (block $found
      (loop $next
        (br_if $found (i32.eq (i32.load (local.get 0)) (local.get 1)))
        (local.set 0 (i32.add (local.get 0) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get 0) (i32.const 4096))))
      (return (i32.const -1)))
    (local.get 0))
  ;; arm64:"^madd\t[^\n]*\nsub\tw[0-9]+, w[0-9]+, #0x1\ncbnz\tw[0-9]+, \\.\\+0xfffffffffffffff8$",-"^b\t",-"madd(.|\n)*madd"
  (func $invariant (param i32 i32 i32) (result i32) (local i32)
    (loop
      (local.set 3 (i32.add (local.get 3) (i32.mul (local.get 1) (local.get 2))))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if 0 (local.get 0)))
    (local.get 3))
  ;; arm64:"^b\\.lt\t\\.\\+0x28\nsub\tw[0-9]+, w[0-9]+, w[0-9]+\nstr\tw[0-9]+, \\[x28,#4\\]\nstr\t","^ret\t\nsub\t(.|\n)*\nb\t\\.\\+0xf",-"b\t\\.\\+0x4$"
  (func $diamond (param i32 i32) (result i32) (local i32)
    (if (i32.lt_s (local.get 0) (local.get 1))
      (then (local.set 2 (i32.sub (local.get 1) (local.get 0))) (i32.store (i32.const 0) (local.get 2)))
      (else (local.set 2 (i32.sub (local.get 0) (local.get 1))) (i32.store (i32.const 4) (local.get 2))))
    (i32.store (i32.const 8) (local.get 0))
    (i32.store (i32.const 12) (local.get 1))
    (i32.store (i32.const 16) (local.get 2))
    (i32.mul (local.get 2) (i32.add (local.get 0) (local.get 1)))))
