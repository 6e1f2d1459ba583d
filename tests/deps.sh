#!/bin/sh
# tests/deps.sh - a change to a header rebuilds what includes it.
#
# The kernel's objects record the headers they read in their .d files
# (gcc -MMD), which the Makefile includes; the host unit-test binary has
# one such list too, build/unit-tests.d.  Each line below names a header
# and something built from it: the header must be in the object's list,
# and for the unit tests `make -n -W header` (what if it changed?) must
# want to rebuild the binary, which it does not want without the -W.
# Env: B (build dir).
set -u
for pair in "include/linux/mm.h mm/buddy.o" "mm/internal.h mm/page_alloc.o" \
	    "include/trace/events/kmem.h selftest/mm/slab.o" "include/asm/pgtable.h arch/i386/mm/init.o"; do
	set -- $pair
	if grep -q "$1" "$B/${2%.o}.d" 2>/dev/null; then
		echo "ok [deps] $B/$2 is rebuilt when $1 changes"
	else
		echo "not ok [deps] $B/${2%.o}.d does not name $1: a change to it would not rebuild $B/$2"
	fi
done
if [ -n "$(make -s -n B="$B" "$B/unit-tests" 2>/dev/null)" ]; then
	echo "not ok [deps] $B/unit-tests is out of date before any change (the test could not fail)"
else
	for h in mm/internal.h include/trace/events/kmem.h tests/unit/include/asm/current.h include/linux/mm.h; do
		if make -s -n -W "$h" B="$B" "$B/unit-tests" 2>/dev/null | grep -q HOSTCC; then
			echo "ok [deps] $B/unit-tests is rebuilt when $h changes"
		else
			echo "not ok [deps] $B/unit-tests is not rebuilt when $h changes"
		fi
	done
fi
