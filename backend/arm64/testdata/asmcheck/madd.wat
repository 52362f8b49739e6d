;; A product added to or subtracted from a value is madd/msub (isel_madd.go).
(module
  ;; arm64:"madd\tx[0-9]+, x[0-9]+, x[0-9]+, x[0-9]+",-"mul\t"
  (func $mul_add (param i64 i64 i64) (result i64)
    (i64.add (local.get 0) (i64.mul (local.get 1) (local.get 2))))
  ;; arm64:"msub\tw[0-9]+, w[0-9]+, w[0-9]+, w[0-9]+",-"mul\t"
  (func $mul_sub (param i32 i32 i32) (result i32)
    (i32.sub (local.get 0) (i32.mul (local.get 1) (local.get 2))))
  ;; arm64:"mul\t",-"madd",-"msub"
  (func $product_minus (param i32 i32 i32) (result i32)
    (i32.sub (i32.mul (local.get 1) (local.get 2)) (local.get 0))))
