;; Multi-value: functions and blocks with several results and block parameters.
(module
  (func $swap (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
  (func (export "f") (param i32) (result i32)
    (i32.const 1) (i32.const 2)
    (block (param i32 i32) (result i32) (i32.add))
    (i64.const 7)
    (call $swap)
    (drop) (i32.wrap_i64)
    (loop (param i32) (result i32) (i32.const 1) (i32.sub))
    (if (param i32) (result i32 i32) (local.get 0)
      (then (i32.const 3))
      (else (i32.const 4)))
    (i32.mul)))
