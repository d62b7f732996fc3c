#!/usr/bin/env bash
# Where the time goes in a JFR recording made by `PROFILE=<app> bench/run.sh`:
# the hottest methods by own samples (top of stack) and by samples they appear in
# (inclusive), over jdk.ExecutionSample; plus the monitors and parks that blocked.
# Usage: bench/jfr-top.sh FILE.jfr [N]
# A dump holds whole chunks, so it may reach before and after the run; where
# FILE.jfr.window exists ("HH:MM:SS.mmm HH:MM:SS.mmm", written by run.sh), only the
# events that started inside that window count.
set -euo pipefail
file=${1:?usage: bench/jfr-top.sh FILE.jfr [N]}
top=${2:-25}
begin=00:00:00.000
end=99:99:99.999
if [[ -f $file.window ]]; then read -r begin end <"$file.window"; fi

summarize() { # event-name title
	jfr print --events "$1" --stack-depth 64 "$file" | awk -v top="$top" -v title="$2" -v begin="$begin" -v end="$end" '
		/^jdk\.[A-Za-z]+ \{/ { depth = 0; delete seen; keep = 0; next }
		/^  startTime = / { t = $3; keep = (t >= begin && t <= end); n += keep; next }
		!keep { next }
		/stackTrace = \[/ { in_stack = 1; next }
		in_stack && /^ *\]/ { in_stack = 0; next }
		in_stack {
			f = $0; sub(/^ +/, "", f); sub(/ +line:.*$/, "", f); sub(/\(.*$/, "", f)
			if (f == "...") next
			if (depth++ == 0) self[f]++
			if (!(f in seen)) { seen[f] = 1; incl[f]++ }
		}
		END {
			printf "== %s: %d samples\n", title, n
			if (n == 0) exit
			print "-- self (top frame)"
			for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / n, f | "sort -rn | head -" top
			close("sort -rn | head -" top)
			print "-- inclusive"
			for (f in incl) printf "%6.1f%%  %s\n", 100 * incl[f] / n, f | "sort -rn | head -" top
			close("sort -rn | head -" top)
		}'
}
summarize jdk.ExecutionSample "Java execution samples"
summarize jdk.NativeMethodSample "native method samples (threads in native code: I/O, epoll)"
summarize jdk.JavaMonitorEnter "contended monitor enters (>= 10 ms in the 'profile' settings)"
