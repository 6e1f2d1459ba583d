#!/bin/sh
# tests/samples.sh README LOGDIR - check that the README's sample output is
# what the kernel really prints.  A sample is a ``` block right after a line
#
#   <!-- sample: LOG -->
#
# and LOG names a serial log of this make test run ($LOGDIR/LOG.log, the
# "[ 0.123456] " stamps already stripped).  Every line of the block must
# appear in that log, in the same order, each on a line of its own (a
# sample may show printk's "[    0.000000] " stamp; it is not compared), except:
#   - a line "..." stands for any number of lines;
#   - "..." inside a line stands for any text, so "Memory: ...K reserved"
#     matches a line that starts with "Memory: " and ends "K reserved".
# One TAP line per sample; a failing one names the first line not found.
# (JOS's graders check the lines students read in the same way.)
set -u
readme=$1 logdir=$2

awk -v logdir="$logdir" '
function check(   i, j, k, n, line, parts, np, pos, ok, from, found) {
	file = logdir "/" lname ".log"
	n = 0
	while ((getline line < file) > 0)
		logl[++n] = line
	close(file)
	if (n == 0) {
		printf "not ok [README] sample %d (%s): no log %s\n", nsample, lname, file
		return
	}
	from = 1
	for (i = 1; i <= nlines; i++) {
		if (want[i] == "...")
			continue
		np = split(want[i], parts, /\.\.\./)
		found = 0
		for (j = from; j <= n && !found; j++) {
			pos = 1; ok = 1
			for (k = 1; k <= np && ok; k++) {
				if (parts[k] == "")
					continue
				if (k == 1) {
					ok = substr(logl[j], 1, length(parts[k])) == parts[k]
					pos = length(parts[k]) + 1
				} else if (k == np) {
					ok = length(logl[j]) - length(parts[k]) + 1 >= pos &&
					     substr(logl[j], length(logl[j]) - length(parts[k]) + 1) == parts[k]
				} else {
					p = index(substr(logl[j], pos), parts[k])
					ok = p > 0
					pos += p + length(parts[k]) - 1
				}
			}
			if (ok && np == 1)
				ok = logl[j] == want[i]
			if (ok) {
				found = 1
				from = j + 1
			}
		}
		if (!found) {
			printf "not ok [README] sample %d (%s) line %d not printed: %s\n",
			       nsample, lname, i, want[i]
			return
		}
	}
	printf "ok [README] sample %d (%s, %d lines) is what the kernel prints\n",
	       nsample, lname, nlines
}
/^<!-- sample: [^ ]+ -->$/ { lname = $3; armed = 1; next }
armed && /^```/ && !inblock { inblock = 1; nlines = 0; next }
inblock && /^```/ { inblock = 0; armed = 0; nsample++; check(); next }
inblock { line = $0; sub(/^\[ *[0-9]+\.[0-9]+\] /, "", line); want[++nlines] = line }
' "$readme"
