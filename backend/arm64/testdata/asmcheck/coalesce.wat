;; Loop-carried values keep one register around the loop (coalesce-copies): the block
;; arguments' copies on the back edge disappear and the loop is its three operations and the
;; branch back. Values rotated through each other (fib's pair) are both live at the copies and
;; keep them.
(module
  ;; arm64:"^cbz\tw[0-9]+, \\.\\+0x14\nadd\tw[0-9]+, w[0-9]+, w[0-9]+\nadd\tw[0-9]+, w[0-9]+, w[0-9]+\nsub\tw[0-9]+, w[0-9]+, #0x1\ncbnz\tw[0-9]+, \\.\\+0xfffffffffffffff4$"
  (func $sum_pairs (param i32) (result i32) (local i32 i32)
    (block (loop
      (br_if 1 (i32.eqz (local.get 0)))
      (local.set 2 (i32.add (local.get 1) (local.get 2)))
      (local.set 1 (i32.add (local.get 1) (local.get 0)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br 0)))
    (i32.add (local.get 1) (local.get 2)))
  ;; arm64:"^mov\tx[0-9]+, x[0-9]+\nmov\tx[0-9]+, x[0-9]+\ncbnz\t"
  (func $fib (param i32) (result i32) (local i32 i32 i32)
    (local.set 2 (i32.const 1))
    (block (loop
      (br_if 1 (i32.eqz (local.get 0)))
      (local.set 3 (i32.add (local.get 1) (local.get 2)))
      (local.set 1 (local.get 2))
      (local.set 2 (local.get 3))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br 0)))
    (local.get 1)))
