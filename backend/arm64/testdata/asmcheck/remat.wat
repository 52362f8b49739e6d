;; A constant live across a call, when callee-saved registers run out, is neither kept in one nor
;; stored to the stack: allocate-registers rematerialises it (one mov into a scratch register)
;; after the call, where it is used: materialised once, after the call. Float constants FMOV
;; encodes likewise (one fmov #imm into a scratch register); the floats live across the call fill
;; d8..d15, saved and restored in stp/ldp pairs.
(module
  (func $g (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  ;; arm64:"bl\t(.|\n)*mov\tw1[345], #0x2a\nmadd\t",-"#0x2a(.|\n)*#0x2a",-"w(19|2[0-4]), #0x2a"
  (func $eight_and_a_constant (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    (local i32)
    (local.set 8 (i32.const 0x2a))
    (drop (call $g (local.get 0)))
    (i32.add (local.get 8)
    (i32.mul (i32.add (local.get 7) (local.get 6))
    (i32.mul (i32.add (local.get 6) (local.get 5))
    (i32.mul (i32.add (local.get 5) (local.get 4))
    (i32.mul (i32.add (local.get 4) (local.get 3))
    (i32.mul (i32.add (local.get 3) (local.get 2))
    (i32.mul (i32.add (local.get 2) (local.get 1)) (i32.add (local.get 1) (local.get 0))))))))))
  (func $h (param f64) (result f64) (f64.add (local.get 0) (local.get 0)))
  ;; arm64:"bl\t(.|\n)*fmov\td(29|3[01]), #1\\.50*e\\+00\nfadd\t",-"#1\\.5(.|\n)*#1\\.5","stp\td8, d9, \\[sp","ldp\td8, d9, \\[sp"
  (func $floats_and_a_constant (param f64 f64 f64 f64 f64 f64 f64 f64 f64 f64) (result f64)
    (local f64)
    (local.set 10 (f64.const 1.5))
    (drop (call $h (local.get 0)))
    (f64.add (local.get 10) (f64.mul (f64.mul (f64.mul (f64.mul (f64.mul (f64.mul (f64.mul (f64.mul (f64.mul (local.get 0)
      (f64.add (local.get 1) (local.get 0)))
      (f64.add (local.get 2) (local.get 1)))
      (f64.add (local.get 3) (local.get 2)))
      (f64.add (local.get 4) (local.get 3)))
      (f64.add (local.get 5) (local.get 4)))
      (f64.add (local.get 6) (local.get 5)))
      (f64.add (local.get 7) (local.get 6)))
      (f64.add (local.get 8) (local.get 7)))
      (f64.add (local.get 9) (local.get 8))))))
