;; Addressing modes (isel_mem.go): an access the guard region covers is a bare load or store;
;; offset 0 uses the register-offset form [x28, x]; accesses to one address with offsets share
;; one base x28 + address per block and use [base, #off]; a constant address folds whole into
;; the immediate [x28, #k].
(module
  (memory 1)
  ;; arm64:"ldr\tw[0-9]+, \\[x28,x[0-9]+\\]",-"add\t",-"cmp\t"
  (func $at (param i32) (result i32)
    (i32.load (local.get 0)))
  ;; arm64:"add\tx([0-9]+), x28, x[0-9]+\n(.|\n)*ldr\td[0-9]+, \\[x[0-9]+,#8\\]\n(.|\n)*str\td[0-9]+, \\[x[0-9]+,#24\\]",-"add\tx[0-9]+, x28(.|\n)*add\tx[0-9]+, x28"
  (func $fields (param i32)
    (f64.store offset=24 (local.get 0)
      (f64.add (f64.load offset=8 (local.get 0)) (f64.load offset=16 (local.get 0)))))
  ;; arm64:"ldrsb\tw[0-9]+, \\[x28,#272\\]",-"add\t",-"mov[zk]\t"
  (func $constant_address (result i32)
    (i32.load8_s offset=16 (i32.const 256))))
