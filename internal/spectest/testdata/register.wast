;; Functions imported from a registered module are inlined when self-contained; other imports
;; leave the importing module out, and the registered module's later invocations with it.
(module $A
  (global $g (mut i32) (i32.const 5))
  (func (export "five") (result i32) (i32.const 5))
  (func (export "getg") (result i32) (global.get $g))
)
(register "A" $A)
(module $B
  (type $t (func (result i32)))
  (import "spectest" "print_i32" (func $print (param i32)))
  (import "A" "five" (func $five (result i32)))
  (table funcref (elem $five $own))
  (func $own (result i32) (i32.const 7))
  (func (export "direct") (result i32) (call $print (i32.const 1)) (call $five))
  (func (export "indirect") (param i32) (result i32) (call_indirect (type $t) (local.get 0)))
)
(assert_return (invoke $B "direct") (i32.const 5))
(assert_return (invoke $B "indirect" (i32.const 0)) (i32.const 5))
(assert_return (invoke $B "indirect" (i32.const 1)) (i32.const 7))
(assert_trap (invoke $B "indirect" (i32.const 2)) "undefined element")
(assert_return (invoke $A "five") (i32.const 5))
(module $C
  (import "A" "getg" (func (result i32)))
  (func (export "x") (result i32) (i32.const 1))
)
(assert_return (invoke $C "x") (i32.const 1))
(assert_return (invoke $A "five") (i32.const 5))
