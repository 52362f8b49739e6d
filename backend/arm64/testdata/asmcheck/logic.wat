;; Logical immediates, zero tests and tested masks (isel_logic.go): an `and` with a bitmask
;; constant is one instruction, a branch on a value being zero is cbz/cbnz, a branch on an `and`
;; with a multi-bit constant being zero is tst + b.cond, none of them materialised; a branch
;; on the `and` itself is and + cbnz (bit_branch.wat, $two_bits).
(module
  (memory 1)
  ;; arm64:"and\tw[0-9]+, w[0-9]+, #0xff00",-"mov[zk]\t"
  (func $second_byte (param i32) (result i32)
    (i32.and (local.get 0) (i32.const 0xff00)))
  ;; arm64:"eor\tw[0-9]+, w[0-9]+, w[0-9]+","mov\tw[0-9]+, #0x1235"
  (func $not_a_bitmask (param i32) (result i32)
    (i32.xor (local.get 0) (i32.const 0x1235)))
  ;; arm64:"cbz\tx[0-9]+, ",-"cmp\t",-"cset\t"
  (func $if_zero (param i64)
    (if (i64.eqz (local.get 0))
      (then (i32.store (i32.const 0) (i32.const 1)))))
  ;; arm64:"tst\tw[0-9]+, #0x18\nb\\.(eq|ne)\t",-"and\t",-"cmp\t"
  (func $either_bit (param i32)
    (if (i32.eqz (i32.and (local.get 0) (i32.const 0x18)))
      (then (i32.store (i32.const 0) (i32.const 1))))))
