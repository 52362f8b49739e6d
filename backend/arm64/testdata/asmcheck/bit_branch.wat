;; Branches on one bit are tbz/tbnz (isel_bit_branch.go): the sign of a value, a one-bit mask.
(module
  (memory 1)
  ;; arm64:"tbnz\tw[0-9]+, #31, ",-"cmp",-"cset"
  (func $negative (param i32)
    (if (i32.lt_s (local.get 0) (i32.const 0))
      (then (i32.store (i32.const 0) (i32.const 1)))))
  ;; arm64:"tbz\tx[0-9]+, #63, ",-"cmp",-"cmn"
  (func $not_negative64 (param i64)
    (if (i64.gt_s (local.get 0) (i64.const -1))
      (then (i32.store (i32.const 0) (i32.const 1)))))
  ;; arm64:"tbnz\tw[0-9]+, #3, ",-"and\t",-"tst\t"
  (func $bit3 (param i32)
    (if (i32.and (local.get 0) (i32.const 8))
      (then (i32.store (i32.const 0) (i32.const 1)))))
  ;; arm64:"tbz\tx[0-9]+, #40, ",-"and\t",-"tst\t"
  (func $bit40_clear (param i64)
    (if (i64.eqz (i64.and (local.get 0) (i64.const 0x10000000000)))
      (then (i32.store (i32.const 0) (i32.const 1)))))
  ;; arm64:"and\tw[0-9]+, w[0-9]+, #0x6","cbnz\tw",-"tbz",-"tbnz"
  (func $two_bits (param i32)
    (if (i32.and (local.get 0) (i32.const 6))
      (then (i32.store (i32.const 0) (i32.const 1)))))
  ;; arm64:"cmn\tw[0-9]+, #0x64",-"mov[nz]\t"
  (func $below_minus_100 (param i32)
    (if (i32.lt_s (local.get 0) (i32.const -100))
      (then (i32.store (i32.const 0) (i32.const 1))))))
