;; br_table with four cases or more is a jump table (isel_switch.go); fewer compare in turn.
(module
  (memory 1)
  ;; arm64:"cmp\tw[0-9]+, #0x5","b\\.cs\t","adr\tx16, ","ldrsw\tx17, \\[x16,w[0-9]+,uxtw #2\\]","add\tx16, x16, x17","br\tx16"
  (func $five (param i32)
    (block (block (block (block (block (block
      (br_table 0 1 2 3 4 5 (local.get 0)))
      (i32.store (i32.const 0) (i32.const 10)) (return))
      (i32.store (i32.const 0) (i32.const 11)) (return))
      (i32.store (i32.const 0) (i32.const 12)) (return))
      (i32.store (i32.const 0) (i32.const 13)) (return))
      (i32.store (i32.const 0) (i32.const 14)) (return))
    (i32.store (i32.const 0) (i32.const 15)))
  ;; arm64:"cmp\tw[0-9]+, #0x1",-"br\t",-"adr\t"
  (func $two (param i32)
    (block (block (block
      (br_table 0 1 2 (local.get 0)))
      (i32.store (i32.const 0) (i32.const 10)) (return))
      (i32.store (i32.const 0) (i32.const 11)) (return))
    (i32.store (i32.const 0) (i32.const 12))))
