;; fib(N) the recursive way (2*fib(N+1)-1 calls); exits with fib(N) & 255.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func $fib (param $n i64) (result i64)
    (if (result i64) (i64.lt_s (local.get $n) (i64.const 2))
      (then (local.get $n))
      (else (i64.add (call $fib (i64.sub (local.get $n) (i64.const 1)))
                     (call $fib (i64.sub (local.get $n) (i64.const 2)))))))
  (func (export "_start")
    (call $proc_exit (i32.wrap_i64 (i64.and (call $fib (i64.const N)) (i64.const 255))))))
