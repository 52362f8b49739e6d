;; Accesses with offsets beyond the guard region (64 MiB) are checked against x18 (size - 7);
;; one dominated by an access to the same address ending as far loses its check
;; (eliminate-bounds-checks), accesses to different addresses keep theirs, and an access the
;; guard region covers has none.
;; needs: eliminate-bounds-checks
(module
  (memory 1)
  ;; arm64:"cmp\tx[0-9]+, x18",-"cmp\tx[0-9]+, x18(.|\n)*cmp\tx[0-9]+, x18"
  (func $same_address (param i32) (result i32)
    (i32.add (i32.load offset=0x4000008 (local.get 0)) (i32.load offset=0x4000004 (local.get 0))))
  ;; arm64:"cmp\tx[0-9]+, x18(.|\n)*cmp\tx[0-9]+, x18"
  (func $farther_end (param i32) (result i32)
    (i32.add (i32.load offset=0x4000004 (local.get 0)) (i32.load offset=0x4000008 (local.get 0))))
  ;; arm64:"cmp\tx[0-9]+, x18(.|\n)*cmp\tx[0-9]+, x18"
  (func $two_addresses (param i32 i32) (result i32)
    (i32.add (i32.load offset=0x4000008 (local.get 0)) (i32.load offset=0x4000008 (local.get 1))))
  ;; arm64:"ldr\tw[0-9]+, \\[x[0-9]+,#16\\]",-"x18",-"x27"
  (func $in_guard (param i32) (result i32)
    (i32.load offset=16 (local.get 0))))
