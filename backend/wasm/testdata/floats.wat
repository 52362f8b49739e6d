;; Float constants that a text round trip must keep bit for bit.
(module
  (func (export "f32s") (result f32 f32 f32 f32 f32 f32 f32)
    (f32.const -0) (f32.const inf) (f32.const -inf) (f32.const nan)
    (f32.const nan:0x200001) (f32.const -nan:0x7fffff) (f32.const 0x1p-149))
  (func (export "f64s") (result f64 f64 f64 f64 f64 f64)
    (f64.const 0.1) (f64.const -nan:0x8000000000001) (f64.const 1.7976931348623157e308)
    (f64.const 0x1p-1074) (f64.const nan) (f64.const -0x1.fffffffffffffp+1023))
  (func (export "ops") (param f64) (result f32)
    (f32.demote_f64 (f64.copysign (f64.sqrt (local.get 0)) (f64.const -1)))))
