#!/bin/sh
# tests/run-tests.sh - what `make test` runs after building:
#   1. the host unit tests (check), as TAP;
#   2. the self-tests, booted through GRUB at each memory size in $MEMS;
#   3. three boots that crash on purpose, whose oops must read as Linux's,
#      and two on CPUs too old for the kernel, which must say so;
#   4. a normal boot (make run's), which must start init and show its maps;
#   5. a boot whose command line holds only values to refuse (badargs.iso);
#   6. the README's samples, each checked against the log it came from;
#   7. tests/claims.sh: the table claim -> test -> file in $B/claims.md;
#   8. tests/deps.sh: a change to a header rebuilds what includes it;
# then one line "N passed, M failed", and exit 1 if M > 0.
# Every boot's serial log stays in $B/log/ for reading, its TAP in $R/.
# Everything it prints goes to stdout, in order (make test > log keeps it all).
set -u
R=$B/results
rm -rf "$R"
mkdir -p "$R"

# 1. Host unit tests.  check prints TAP with CK_TAP_LOG_FILE_NAME=-.
#    They run on the host CPU beside the QEMU boots below (a second core),
#    and are collected at the end.
(
	#    LeakSanitizer is off: it would scan the heap at the exit of each
	#    of the ~250 forked test processes (28 s), and the kernel code under
	#    test never calls malloc: its leaks show in the free lists and
	#    arenas the tests compare.  AddressSanitizer and UBSan stay on.
	ASAN_OPTIONS=detect_leaks=0 CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent \
		"$B/unit-tests" > "$R/unit.out" 2> "$R/unit.err"
	rc=$?
	grep -E '^(not )?ok ' "$R/unit.out" | sed -E 's/^(not )?ok [0-9]+ - /\1ok [unit] /' > "$R/unit.tap.new"
	if [ $rc -ne 0 ] && ! grep -q '^not ok' "$R/unit.tap.new"; then
		echo "not ok [unit] unit-tests exited $rc without a failing test (see $R/unit.err)" >> "$R/unit.tap.new"
	fi
	mv "$R/unit.tap.new" "$R/unit.tap"
) &
unit_pid=$!

# 2. The self-tests at every memory size.
for mem in $MEMS; do
	sh tests/boot.sh "$R/boot-$mem.tap" "$B/test.iso" "$mem" "test-$mem"
done
# A CPU without 4 MB pages (PSE) or global pages: the direct map is then
# built from 4 KB page tables, the other path of paging_init().
sh tests/boot.sh "$R/boot-1G-nopse.tap" "$B/test.iso" 1G "test-1G-nopse" -cpu qemu32,-pse,-pge

# 3. Boots that must stop, each with its QEMU exit status and the lines
#    its serial log must hold: one TAP line for the status, one per line.
#    check_serial KIND NAME ISO STATUS "QEMU options" expected-lines...
#    writes $R/NAME.tap (NAME with = as -) and prints one KIND line.
check_serial() {
	kind=$1 name=$2 iso=$3 want_rc=$4 opts=$5
	shift 5
	file=$(echo "$name" | tr = -)
	log=$B/log/$file.log
	mkdir -p "$B/log"
	timeout 30 $QEMU -m 32M $opts -serial stdio $QEMU_EXIT \
		-cdrom "$iso" < /dev/null > "$log.raw" 2>&1
	rc=$?
	tr -d '\r' < "$log.raw" | sed -E 's/^\[ *[0-9]+\.[0-9]+\] //' > "$log"
	rm -f "$log.raw"
	{
		if [ $rc = "$want_rc" ]; then
			echo "ok [$name] QEMU exit $rc"
		else
			echo "not ok [$name] QEMU exit $rc, not $want_rc (log: $log)"
		fi
		for want in "$@"; do
			if grep -q -F -- "$want" "$log"; then
				echo "ok [$name] $kind shows: $want"
			else
				echo "not ok [$name] $kind shows: $want (log: $log)"
			fi
		done
	} > "$R/$file.tap"
	printf '  %-7s %-12s %s\n' "$(echo "$kind" | tr a-z A-Z)" "$name" "$log"
}

#    Oopses on purpose: QEMU leaves with 37 (QEMU_EXIT_PANIC).
check_oops() {      # name iso expected-lines...
	name=$1 iso=$2
	shift 2
	check_serial oops "$name" "$iso" 37 "" "$@"
}
check_oops crash=null "$B/crash-null.iso" \
	"BUG: unable to handle kernel NULL pointer dereference at virtual address 00000000" \
	"#PF: supervisor write access in kernel mode" \
	"#PF: error_code(0x0002) - not-present page" \
	"#PF: the address is in the NULL page" \
	"*pde = 00000000" \
	"Oops: 0002 [#1]" \
	"EIP:    0060:[<c01" \
	"EIP is at crash_on_purpose+0x" \
	"Call Trace:" \
	"] start_kernel+0x" \
	"Kernel panic - not syncing: Fatal exception"
check_oops crash=bug "$B/crash-bug.iso" \
	"kernel BUG at kernel/main.c:" \
	"crash_on_purpose: BUG_ON(!strcmp(crash_kind, \"bug\"))" \
	"invalid opcode: 0000 [#1]" \
	"EIP is at __bug+0x" \
	"] crash_on_purpose+0x" \
	"Kernel panic - not syncing: Fatal exception"
check_oops crash=guard "$B/crash-guard.iso" \
	"BUG: unable to handle kernel paging request at virtual address c2801000" \
	"#PF: supervisor write access in kernel mode" \
	"#PF: error_code(0x0002) - not-present page" \
	"#PF: the address is in the guard page after the vmalloc area 0xc2800000-0xc2802000 (8192 bytes, crash_on_purpose+0x" \
	"EIP is at crash_on_purpose+0x" \
	"Kernel panic - not syncing: Fatal exception"

#    CPUs older than the i686 the kernel is compiled for: boot/cpucheck.asm
#    must say what is missing, before any C runs, and leave QEMU with 39
#    (QEMU_EXIT_BAD_CPU) instead of triple-faulting on the first cmov.
check_serial cpu cpu=pentium "$B/kernel.iso" 39 "-cpu pentium" \
	"cpucheck: this kernel is built with -march=i686: it needs CPU family 6 or later, with: tsc cmov" \
	"cpucheck: this CPU is an i586 (CPUID family 5), without: cmov" \
	"cpucheck: unable to boot; use QEMU's default CPU (qemu32)"
check_serial cpu cpu=486 "$B/kernel.iso" 39 "-cpu 486" \
	"cpucheck: this CPU is an i486 (CPUID family 4), without: tsc cmov" \
	"cpucheck: unable to boot; use QEMU's default CPU (qemu32)"

# 4. What `make run` shows: a normal boot ends by exec'ing init as pid 1,
#    which prints its /proc/self/maps and sleeps for ever.  QEMU is
#    stopped once that line is there (or after 20 s).
boot_until_init() {     # name iso: the log, stamps kept, in $B/log/name.raw
	log=$B/log/$1.log
	$QEMU -m 512M -serial stdio -cdrom "$2" < /dev/null > "$log.raw" 2>&1 &
	qpid=$!
	for _ in $(seq 100); do
		grep -q 'init: nothing more to do' "$log.raw" 2>/dev/null && break
		sleep 0.2
	done
	kill $qpid 2>/dev/null
	wait $qpid 2>/dev/null
	tr -d '\r' < "$log.raw" > "$B/log/$1.raw"
	sed -E 's/^\[ *[0-9]+\.[0-9]+\] //' < "$B/log/$1.raw" > "$log"
	rm -f "$log.raw"
}
expect_line() {         # tag log fixed-string: "ok" if the log holds it
	if grep -q -F -- "$3" "$2"; then
		echo "ok [$1] shows: $3"
	else
		echo "not ok [$1] shows: $3 (log: $2)"
	fi
}
expect_regex() {        # tag log yes|no extended-regex what: "ok" if a line
	found=no        # matches (yes) or none does (no)
	grep -q -E -- "$4" "$2" && found=yes
	if [ "$found" = "$3" ]; then
		echo "ok [$1] $5"
	else
		echo "not ok [$1] $5: /$4/ found: $found (log: $2)"
	fi
}
check_run() {
	boot_until_init run "$B/kernel.iso"
	for want in "Starting init as pid 1" "init: hello from user space (pid 1)" \
		"init: /proc/self/maps:" \
		"08048000-08049000 r-xp 00000000 00:00 0          /init" \
		"rw-p 0804a000 00:00 0          [heap]" \
		"bffff000-c0000000 rw-p bffff000 00:00 0          [stack]" \
		"init: nothing more to do"; do
		expect_line "make run" "$log" "$want"
	done > "$R/run.tap"
	printf '  RUN     init         %s\n' "$log"
}
check_run

# 5. A command line of bad values (the Makefile's BADARGS, then a word cut
#    by the 2047-character limit), on the self-test image: each value is
#    refused by name, and none acts; the boot goes on to init as usual.
check_badargs() {
	boot_until_init badargs "$B/badargs.iso"
	{
		for want in "Command line is 2049 characters, over the limit of 2047: the last 13, from \"slab_debug=x\", are dropped, not parsed" \
			"Booting kernel: bad value 'no' for parameter 'selftest'" \
			"Booting kernel: bad value 'x' for parameter 'bench'" \
			"Booting kernel: bad value 'x' for parameter 'slab_debug'" \
			"Booting kernel: bad value 'zzz' for parameter 'crash'" \
			"Booting kernel: bad value '2' for parameter 'printk.time'" \
			"mem=512: too small to boot, the minimum is mem=4M" \
			"mem=1K: too small to boot, the minimum is mem=4M" \
			"mem=4095: too small to boot, the minimum is mem=4M" \
			"mem=1M: too small to boot, the minimum is mem=4M" \
			"Booting kernel: bad value '256Mabc' for parameter 'mem'" \
			"init: nothing more to do"; do
			expect_line badargs "$log" "$want"
		done
		expect_regex badargs "$log" yes '^Command line: selftest=no .{2023}0$' \
			"the 2036 characters kept are printed whole, past printk's 512-byte line"
		expect_regex badargs "$log" no '^KTAP version' "selftest=no runs no self-test"
		expect_regex badargs "$log" no '^bench: ' "bench=x runs no benchmark"
		expect_regex badargs "$log" yes '^size-32 +[0-9]+ +[0-9]+ +32 ' \
			"slab_debug=x leaves size-32 objects 32 bytes (no red zones)"
		expect_regex badargs "$log" no 'provoking an oops' "crash=zzz provokes nothing"
		expect_regex badargs "$log" no '^user-defined physical RAM map' "no refused mem= limits RAM"
		expect_regex badargs "$B/log/badargs.raw" yes '^\[ *[0-9]+\.[0-9]+\] Booting kernel: ' \
			"printk.time=2 leaves the time stamps on"
	} > "$R/badargs.tap"
	printf '  RUN     badargs      %s\n' "$log"
}
check_badargs

# 6. The README's sample output, against the logs of the boots above.
sh tests/samples.sh README.md "$B/log" > "$R/samples.tap"

# 8. Header changes rebuild their includers (no stale objects or tests).
B="$B" sh tests/deps.sh > "$R/deps.tap"

wait $unit_pid
# 7. Which passing test demonstrates which claim of tests/CLAIMS.md.
sh tests/claims.sh > "$R/claims.tap" 2> "$R/claims.txt"
cat "$R/claims.txt"          # the claims no passing test names, on stdout too
printf '  UNIT    %s ok, %s not ok\n' "$(grep -c '^ok' "$R/unit.tap")" \
	"$(grep -c '^not ok' "$R/unit.tap")"
grep -h '^not ok' "$R"/*.tap
cat "$R"/*.tap | awk '/^ok /{p++} /^not ok /{f++}
	END { printf "%d passed, %d failed\n", p, f; exit (f > 0) }'
