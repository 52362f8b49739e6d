;; N iterations of a loop with a masked comparison (as `cot build` emits for
;; `while (i < n) { if ((i & 7) < 3) { s = s + i } else { s = s ^ i } i = i + 1 }`, n = N in a
;; local, so that wazero_workaround.go rewrites the loop's test); exits with s & 255.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (local $i i64) (local $s i64) (local $n i64)
    (local.set $n (i64.const N))
    (block $done (loop $next
      (br_if $done (i64.ge_s (local.get $i) (local.get $n)))
      (if (i64.lt_s (i64.and (local.get $i) (i64.const 7)) (i64.const 3))
        (then (local.set $s (i64.add (local.get $s) (local.get $i))))
        (else (local.set $s (i64.xor (local.get $s) (local.get $i)))))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br $next)))
    (call $proc_exit (i32.wrap_i64 (i64.and (local.get $s) (i64.const 255))))))
