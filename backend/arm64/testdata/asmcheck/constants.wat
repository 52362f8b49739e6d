;; Constant operations are folded at compile time (optimize-constants): 6 * (1 << 33) is 12 (the
;; shift count taken modulo 32), one add #imm; a branch on a constant comparison is gone with its
;; dead arm.
;; needs: optimize-constants
(module
  ;; arm64:"^add\tw[0-9]+, w[0-9]+, #0xc$",-"lsl\t",-"madd\t",-"mul\t"
  (func $fold (param i32) (result i32)
    (i32.add (local.get 0) (i32.mul (i32.const 6) (i32.shl (i32.const 1) (i32.const 33)))))
  ;; arm64:"^add\tw[0-9]+, w[0-9]+, #0x1$",-"cmp\t",-"^b",-"mul\t"
  (func $const_branch (param i32) (result i32)
    (if (result i32) (i32.gt_u (i32.const 7) (i32.const 3))
      (then (i32.add (local.get 0) (i32.const 1)))
      (else (i32.mul (local.get 0) (local.get 0))))))
