;; Loop-carried values keep one register around the loop (coalesce-copies): the copies of the
;; block arguments on the back edge disappear, so the loop has no edge block of movs and no
;; unconditional branch. (In small loops without calls the allocator often picks one register
;; anyway; across a call, where the values sit in callee-saved registers, it does not.) Values
;; rotated through each other (fib's pair) are both live at the copies and keep them.
;; needs: coalesce-copies
(module
  (func $g (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  ;; arm64:"add\tw(19|2[0-4]), w[0-9]+, w(19|2[0-4])\nsub\tw(19|2[0-4]), w(19|2[0-4]), #0x1\ncbnz\tw(19|2[0-4]), \\.\\+0xf",-"^b\t",-"mov\tx(19|2[0-4]), x[0-9]+\nmov\tx(19|2[0-4]), x[0-9]+\nb"
  (func $sum_of_calls (param i32 i32) (result i32) (local i32)
    (loop
      (local.set 2 (call $g (local.get 1)))
      (local.set 1 (i32.add (local.get 2) (local.get 1)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if 0 (local.get 0)))
    (local.get 1))
  ;; arm64:"bl\t[^\n]*\nmov\tw[0-9]+, w0\nsub\tw(19|2[0-4]), w(19|2[0-4]), #0x1\ncbnz\tw(19|2[0-4]), \\.\\+0xf",-"^b\t"
  (func $repeat_call (param i32 i32) (result i32)
    (loop
      (local.set 1 (call $g (local.get 1)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if 0 (local.get 0)))
    (local.get 1))
  ;; arm64:"^mov\tx[0-9]+, x[0-9]+\nmov\tx[0-9]+, x[0-9]+\ncbnz\t"
  (func $fib (param i32) (result i32) (local i32 i32 i32)
    (local.set 2 (i32.const 1))
    (block (loop
      (br_if 1 (i32.eqz (local.get 0)))
      (local.set 3 (i32.add (local.get 1) (local.get 2)))
      (local.set 1 (local.get 2))
      (local.set 2 (local.get 3))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br 0)))
    (local.get 1)))
