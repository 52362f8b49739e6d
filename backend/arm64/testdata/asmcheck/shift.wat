;; A shift left by a constant feeding an add or sub (as its subtrahend) is the shifted operand
;; of that add or sub (isel_shift.go); a shift with another use stays on its own.
(module
  ;; arm64:"add\tw[0-9]+, w[0-9]+, w[0-9]+, lsl #2",-"lsl\tw"
  (func $index4 (param i32 i32) (result i32)
    (i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 2))))
  ;; arm64:"sub\tx[0-9]+, x[0-9]+, x[0-9]+, lsl #7",-"lsl\tx"
  (func $minus128 (param i64 i64) (result i64)
    (i64.sub (local.get 0) (i64.shl (local.get 1) (i64.const 7))))
  ;; arm64:"lsl\tw[0-9]+, w[0-9]+, #3\nsub\t",-", lsl #"
  (func $minuend (param i32 i32) (result i32)
    (i32.sub (i32.shl (local.get 1) (i32.const 3)) (local.get 0)))
  ;; arm64:"lsl\tw[0-9]+, w[0-9]+, #3\nadd\t",-", lsl #"
  (func $twice (param i32 i32) (result i32)
    (local i32)
    (local.set 2 (i32.shl (local.get 1) (i32.const 3)))
    (i32.mul (local.get 2) (i32.add (local.get 0) (local.get 2)))))
