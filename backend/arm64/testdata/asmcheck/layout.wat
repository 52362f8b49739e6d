;; Block layout (optimize-block-layout, then resolve-branches): the else arm falls through into
;; the join, the then arm is placed after the return and jumps back; no branch ever goes to the
;; next instruction.
(module
  (memory 1)
  ;; arm64:"^b\\.lt\t\\.\\+0x28\nsub\tw[0-9]+, w[0-9]+, w[0-9]+\nstr\tw[0-9]+, \\[x28,#4\\]\nstr\t","^ret\t\nsub\t(.|\n)*\nb\t\\.\\+0xf",-"b\t\\.\\+0x4$"
  (func $diamond (param i32 i32) (result i32) (local i32)
    (if (i32.lt_s (local.get 0) (local.get 1))
      (then (local.set 2 (i32.sub (local.get 1) (local.get 0))) (i32.store (i32.const 0) (local.get 2)))
      (else (local.set 2 (i32.sub (local.get 0) (local.get 1))) (i32.store (i32.const 4) (local.get 2))))
    (i32.store (i32.const 8) (local.get 0))
    (i32.store (i32.const 12) (local.get 1))
    (i32.store (i32.const 16) (local.get 2))
    (i32.mul (local.get 2) (i32.add (local.get 0) (local.get 1)))))
