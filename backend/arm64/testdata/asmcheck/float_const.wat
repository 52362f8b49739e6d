;; Float constants FMOV encodes are one fmov #imm (isel_float_const.go); others go through an
;; integer register.
(module
  ;; arm64:"fmov\td[0-9]+, #1\\.50*e\\+00",-"mov[zk]\t"
  (func $add_one_and_a_half (param f64) (result f64)
    (f64.add (local.get 0) (f64.const 1.5)))
  ;; arm64:"fmov\ts[0-9]+, #-1\\.250*e-01",-"mov[zk]\t"
  (func $times_minus_eighth (param f32) (result f32)
    (f32.mul (local.get 0) (f32.const -0.125)))
  ;; arm64:"movk\tx[0-9]+, #0x3fb9, lsl #48","fmov\td[0-9]+, x[0-9]+"
  (func $times_tenth (param f64) (result f64)
    (f64.mul (local.get 0) (f64.const 0.1))))
