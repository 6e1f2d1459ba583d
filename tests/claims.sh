#!/bin/sh
# tests/claims.sh - after the boots of `make test`, the table of which test
# demonstrates which claim of tests/CLAIMS.md.
#
# A test names the claims it demonstrates in its result line, after
# "# seeds:" (a kernel self-test's KTAP directive, a user-space subtest's
# line; a skipped test's "# SKIP why; seeds: ..." names nothing).  This
# reads every passing line of $B/results/*.tap, finds the file that
# defines each test by grepping for its name in quotes, and writes
# $B/claims.md:
#
#   | claim | test | file |
#   | P1 | pa_va_round_trip_on_direct_map | tests/kernel/boot_test.c |
#
# Every claim of tests/CLAIMS.md that no passing test names gets a row
# "(none)" and one line on stderr, "claim X1: no passing test names it".
# Such a claim is listed, not failed: CLAIMS.md says why each of today's
# has no test.  Stdout is one TAP line, ok when the table was written.
# Env: B (build dir).
set -u
R=$B/results
out=$B/claims.md
pairs=$B/claims.pairs

# "ID name" for every passing, not skipped line that carries a tag.
cat "$R"/*.tap | grep '^ok ' | grep -v '# SKIP' | grep '# seeds:' |
	sed -E 's/^ok \[[^]]*\] ([^ ]+) .*# seeds:(.*)$/\2 \1/' |
	awk '{ for (i = 1; i < NF; i++) print $i, $NF }' | sort -u > "$pairs"

# The claim IDs, in the order tests/CLAIMS.md lists them.
ids=$(sed -n -E 's/^\| ([A-Z][0-9]+) \|.*/\1/p' tests/CLAIMS.md)

{
	echo "# Claims and the tests that demonstrate them"
	echo
	echo "Written by tests/claims.sh from this run's results; the claims are in"
	echo "tests/CLAIMS.md."
	echo
	echo "| claim | test | file |"
	echo "|---|---|---|"
	for id in $ids; do
		tests=$(awk -v id="$id" '$1 == id { print $2 }' "$pairs")
		if [ -z "$tests" ]; then
			echo "| $id | (none) | |"
			echo "claim $id: no passing test names it" >&2
			continue
		fi
		for t in $tests; do
			file=$(grep -rl -F "\"$t\"" tests boot | head -n 1)
			echo "| $id | $t | ${file:-?} |"
		done
	done
} > "$out.new"
rm -f "$pairs"

n=$(echo $ids | wc -w)
if [ "$n" -gt 0 ] && mv "$out.new" "$out"; then
	echo "ok [claims] table of $n claims written to $out"
else
	echo "not ok [claims] no claim table: no IDs read from tests/CLAIMS.md"
fi
