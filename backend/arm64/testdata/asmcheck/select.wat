;; A comparison used only by a select of its block sets the flags right before the csel
;; (isel_select.go): no cset, no cmp #0; an integer 0 operand is the zero register.
(module
  ;; arm64:"cmp\tw[0-9]+, w[0-9]+\ncsel\tw[0-9]+, w[0-9]+, w[0-9]+, (lo|cc)",-"cset",-"#0x0$"
  (func $min_u (param i32 i32) (result i32)
    (select (local.get 0) (local.get 1) (i32.lt_u (local.get 0) (local.get 1))))
  ;; arm64:"fcmp\td[0-9]+, d[0-9]+\ncsel\tx[0-9]+, x[0-9]+, x[0-9]+, mi",-"cset"
  (func $pick_if_less (param f64 f64 i64 i64) (result i64)
    (select (local.get 2) (local.get 3) (f64.lt (local.get 0) (local.get 1))))
  ;; arm64:"csel\tw[0-9]+, w[0-9]+, wzr, ",-"mov\tw[0-9]+, #0x0"
  (func $or_zero (param i32 i32) (result i32)
    (select (local.get 0) (i32.const 0) (i32.gt_s (local.get 0) (local.get 1))))
  ;; arm64:"cset\tw[0-9]+, eq\ncmp\tw[0-9]+, #0x0\ncsel\t"
  (func $also_used (param i32 i32) (result i32)
    (local i32)
    (local.set 2 (i32.eq (local.get 0) (local.get 1)))
    (i32.add (local.get 2) (select (local.get 0) (local.get 1) (local.get 2)))))
