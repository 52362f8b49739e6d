;; A dropped pure value is never computed (remove-dead-values); a dropped division still checks
;; its divisor (it may trap), and a dropped load still happens (it may fault).
(module
  (memory 1)
  ;; arm64:"^mov\tx0, x[0-9]+\nret",-"mul\t",-"madd\t"
  (func $drop_product (param i32 i32) (result i32)
    (drop (i32.mul (local.get 0) (local.get 1)))
    (local.get 0))
  ;; arm64:"cbz\tw[0-9]+, ","udiv\tw[0-9]+, w[0-9]+, w[0-9]+"
  (func $drop_quotient (param i32 i32) (result i32)
    (drop (i32.div_u (local.get 0) (local.get 1)))
    (local.get 0))
  ;; arm64:"ldr\tw[0-9]+, \\[x28,x[0-9]+\\]"
  (func $drop_load (param i32) (result i32)
    (drop (i32.load (local.get 0)))
    (local.get 0)))
