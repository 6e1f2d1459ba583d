#!/bin/sh
# tests/run-bench.sh MEM - boot build/bench.iso under -icount shift=0,sleep=off
# (the TSC then counts guest instructions exactly: TOOLCHAIN.md 7) and print
# the kernel's "bench:" lines.  The ISO's command line says so to the
# kernel ("bench=icount", Makefile), which then prints "instructions"
# rather than "cycles"; a row over its target ends in MISSED.
# Env: QEMU, QEMU_EXIT (the isa-debug-exit device option), B.
set -u
mem=${1:-2G}
log=$B/log/bench.log
mkdir -p "$B/log"
timeout 120 $QEMU -m "$mem" -icount shift=0,sleep=off -serial stdio \
	$QEMU_EXIT -cdrom "$B/bench.iso" \
	< /dev/null 2>&1 | tr -d '\r' | sed -E 's/^\[ *[0-9]+\.[0-9]+\] //' > "$log"
echo "make bench: -m $mem, -icount shift=0 (1 TSC tick = 1 guest instruction)"
grep '^bench: ' "$log" || { echo "bench: no results (log: $log)"; exit 1; }
grep -q '^bench: done' "$log"
