;; A mask clearing only bits known zero is removed (remove-redundant-masks).
;; needs: remove-redundant-masks
(module
  (memory 1)
  ;; arm64:"ldrb\t",-"and\t",-"uxtb\t"
  (func $byte_masked (param i32) (result i32)
    (i32.and (i32.load8_u (local.get 0)) (i32.const 255)))
  ;; arm64:"lsr\tw[0-9]+, w[0-9]+, #24",-"and\t"
  (func $top_byte (param i32) (result i32)
    (i32.and (i32.shr_u (local.get 0) (i32.const 24)) (i32.const 0xff)))
  ;; arm64:"and\tw[0-9]+, w[0-9]+, #0x7f"
  (func $low_seven (param i32) (result i32)
    (i32.and (i32.load8_u (local.get 0)) (i32.const 0x7f))))
