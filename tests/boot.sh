#!/bin/sh
# tests/boot.sh TAP ISO MEM NAME [QEMU options...] - boot ISO in QEMU with
# -m MEM (and the extra options), keep the serial log as $B/log/NAME.log,
# turn it into TAP lines in the file TAP, each tagged "[-m MEM ...]", and
# print one BOOT line about it on stdout (make test's only stream).
#
# A boot passes only if QEMU left through isa-debug-exit with 33 (every
# self-test passed) or 35 (some failed, and those say "not ok"), the KTAP
# plan line "1..N" appeared, and N results followed.  A timeout (124), a
# triple fault (QEMU exits 0 with -no-reboot), a panic (37), a CPU too old
# for the kernel (39, boot/cpucheck.asm) or a missing plan are failures.
# Env: QEMU (the base command line), QEMU_EXIT (the isa-debug-exit device
# option), B (build dir), BOOT_TIMEOUT (seconds, default 30).
set -u
tap=$1 iso=$2 mem=$3
log=$B/log/$4.log
shift 4
tag="-m $mem${*:+ $*}"
mkdir -p "$B/log"

start=$(date +%s%N)
timeout "${BOOT_TIMEOUT:-30}" $QEMU -m "$mem" "$@" -serial stdio \
	$QEMU_EXIT -cdrom "$iso" \
	> "$log.raw" 2>&1 < /dev/null
rc=$?
end=$(date +%s%N)
# Drop the carriage returns and the "[    0.123456] " printk stamps.
tr -d '\r' < "$log.raw" | sed -E 's/^\[ *[0-9]+\.[0-9]+\] //' > "$log"
rm -f "$log.raw"

plan=$(sed -n -E 's/^1\.\.([0-9]+)$/\1/p' "$log" | head -n 1)
results=$(grep -c -E '^(not )?ok [0-9]+ ' "$log")
failed=$(grep -c -E '^not ok [0-9]+ ' "$log")

sub_plan=$(sed -n -E 's/^    1\.\.([0-9]+)$/\1/p' "$log" | head -n 1)
sub_results=$(grep -c -E '^    (not )?ok [0-9]+ ' "$log")

why=""
case $rc in
	33|35) ;;
	124) why="timed out after ${BOOT_TIMEOUT:-30} s" ;;
	0)   why="triple fault (QEMU exit 0)" ;;
	37)  why="kernel panic: $(grep -m1 'Kernel panic' "$log")" ;;
	39)  why="$(grep -m1 'cpucheck: this CPU' "$log")" ;;
	*)   why="QEMU exit $rc" ;;
esac
[ -z "$why" ] && [ -z "$plan" ] && why="no KTAP plan line"
[ -z "$why" ] && [ "$results" -ne "$plan" ] && why="$results results for a plan of $plan"
[ -z "$why" ] && [ "$rc" = 35 ] && [ "$failed" = 0 ] && why="exit 35 but no 'not ok'"
[ -z "$why" ] && [ -n "$sub_plan" ] && [ "$sub_results" -ne "$sub_plan" ] && \
	why="$sub_results user-space results for a plan of $sub_plan"

# Into TAP: every kernel result, tagged with this boot; then the results
# of subtests (KTAP nests them indented by 4 spaces: the user-space suite,
# printed by the program itself), tagged with the boot and "user"; then
# the boot's own result.
{
	sed -n -E "s/^(not )?ok [0-9]+ (.*)$/\1ok [$tag] \2/p" "$log"
	sed -n -E "s/^    (not )?ok [0-9]+ (.*)$/\1ok [$tag user] \2/p" "$log"
	if [ -z "$why" ]; then
		echo "ok [$tag] boot: exit $rc, plan $plan, $results results"
	else
		echo "not ok [$tag] boot: $why (log: $log)"
	fi
} > "$tap"
secs=$(awk "BEGIN { printf \"%.2f\", ($end - $start) / 1e9 }")
printf '  BOOT    %-12s %3s ok, %s not ok, %3s user, %5ss%s  %s\n' "$tag" \
	"$((results - failed))" "$failed" "$sub_results" "$secs" "${why:+  FAIL: $why}" "$log"
