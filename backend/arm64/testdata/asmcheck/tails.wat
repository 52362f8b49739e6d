;; A loop whose latch jumps back to its test gets a copy of the test (duplicate-small-tails),
;; inverted to branch back and fall out: one branch per iteration.
;; needs: duplicate-small-tails
;; needs: optimize-block-layout
(module
  ;; arm64:"sub\tw[0-9]+, w[0-9]+, #0x1\ncbnz\tw[0-9]+, \\.\\+0xfffffffffffffff8",-"^b\t"
  (func $sum_down (param i32) (result i32) (local i32)
    (block (loop
      (br_if 1 (i32.eqz (local.get 0)))
      (local.set 1 (i32.add (local.get 1) (local.get 0)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br 0)))
    (local.get 1)))
