;; down(N) recurses N deep (N is replaced by the test) and exits with down(N) & 255.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func $down (param $n i64) (result i64)
    (if (i64.eqz (local.get $n)) (then (return (i64.const 0))))
    (i64.add (call $down (i64.sub (local.get $n) (i64.const 1))) (i64.const 1)))
  (func (export "_start")
    (call $proc_exit (i32.wrap_i64 (i64.and (call $down (i64.const N)) (i64.const 255))))))
