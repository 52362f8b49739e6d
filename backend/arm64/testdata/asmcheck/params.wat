;; A local that no arm of an if changes is not a parameter of the join (remove-redundant-params):
;; the joins take no copies of it, the stores after them use the register it arrived in.
;; needs: remove-redundant-params
(module
  (memory 1)
  ;; arm64:"str\tw([0-9]+), \\[x28,#8\\]\nstr\tw[0-9]+, \\[x28,#12\\]",-"^mov\tx[0-9]+, x[0-9]+\n(str|b)\t"
  (func $stores_after_ifs (param i32 i32) (result i32)
    (if (i32.gt_s (local.get 0) (i32.const 0))
      (then
        (if (i32.gt_s (local.get 1) (i32.const 0))
          (then (i32.store (i32.const 0) (local.get 0)))
          (else (i32.store (i32.const 4) (local.get 1)))))
      (else (i32.store (i32.const 8) (local.get 1))))
    (i32.store (i32.const 12) (local.get 1))
    (i32.store (i32.const 16) (local.get 1))
    (i32.store (i32.const 20) (local.get 1))
    (i32.store (i32.const 24) (local.get 1))
    (i32.load (i32.const 0))))
