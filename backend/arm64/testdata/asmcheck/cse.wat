;; An address computed twice is computed once (eliminate-common-subexpressions), so it no longer
;; keeps both its operands live across the call. A load is never shared: a store may change memory
;; between two loads of one address.
;; needs: eliminate-common-subexpressions
(module
  (memory 1)
  (func $g)
  ;; arm64:"add\tw[0-9]+, w[0-9]+, w[0-9]+, lsl #4",-"lsl\tw",-"add\tw[0-9]+, w[0-9]+, w[0-9]+, lsl #4(.|\n)*add\tw[0-9]+, w[0-9]+, w[0-9]+, lsl #4"
  (func $twice (param i32 i32) (result i32)
    (local i32)
    (local.set 2 (i32.load (i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 4)))))
    (call $g)
    (i32.add (local.get 2)
      (i32.load offset=4 (i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 4))))))
  ;; arm64:"ldr\tw[0-9]+, \\[x28,x[0-9]+\\]\n(.|\n)*str\tw[0-9]+, \\[x28,x[0-9]+\\]\nldr\tw[0-9]+, \\[x28,x[0-9]+\\]\n"
  (func $load_store_load (param i32 i32) (result i32)
    (local i32)
    (local.set 2 (i32.load (local.get 0)))
    (i32.store (local.get 1) (i32.const 7))
    (i32.add (local.get 2) (i32.load (local.get 0)))))
