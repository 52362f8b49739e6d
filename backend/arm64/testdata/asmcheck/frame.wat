;; Frames (layout-frame): a leaf without spill slots or saved registers has no prologue, no
;; stack-limit check; a function that calls checks the stack limit (x26) and saves x29/x30; a
;; value live across a call sits in a callee-saved register, saved and restored in pairs.
(module
  (func $g (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  ;; arm64:"^add\t",-"stp\t",-"x26",-"x29",-"sub\tsp"
  (func $leaf (param i32 i32) (result i32)
    (i32.mul (i32.add (local.get 0) (local.get 1)) (local.get 1)))
  ;; arm64:"sub\tx16, sp, #0x[0-9a-f]+\ncmp\tx16, x26\nb\\.cc\t","stp\tx29, x30, \\[sp,#-16\\]!","ldp\tx29, x30, \\[sp\\],#16\nret"
  (func $caller (param i32) (result i32)
    (call $g (local.get 0)))
  ;; arm64:"stp\tx(19|2[0-4]), x(19|2[0-4]), \\[sp[,\\]]","ldp\tx(19|2[0-4]), x(19|2[0-4]), \\[sp[,\\]]",-"str\tx(19|2[0-4]), "
  (func $keeps_two (param i32 i32) (result i32)
    (i32.add (i32.add (call $g (local.get 0)) (local.get 0)) (local.get 1))))
