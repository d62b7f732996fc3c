#!/usr/bin/env bash
# Where a request's CPU goes in a JFR recording made by `PROFILE=<app> bench/run.sh`:
# each Java execution sample is given to the part of the request path its innermost
# recognised frame belongs to (JDK, Jackson and Spring utility frames, and Tomcat's
# request and response objects, count for their caller), per thread group. Complements bench/jfr-top.sh (hottest methods) and the
# CPU per thread group that run.sh writes next to each recording (*.threads.txt).
# Usage: bench/jfr-breakdown.sh FILE.jfr
set -euo pipefail
file=${1:?usage: bench/jfr-breakdown.sh FILE.jfr}
begin=00:00:00.000
end=99:99:99.999
if [[ -f $file.window ]]; then read -r begin end <"$file.window"; fi

jfr print --events jdk.ExecutionSample --stack-depth 96 "$file" | awk -v begin="$begin" -v end="$end" '
	function part(f) {
		# the servlet API objects and their helpers count for whoever called them
		if (f ~ /^org\.apache\.catalina\.connector\.(Request|RequestFacade|Response|ResponseFacade)\./) return ""
		if (f ~ /^org\.apache\.tomcat\.util\.(http|buf)\./) return ""
		if (f ~ /^org\.curveball\.session\.web\.servlet\.SessionFilter\./) return "starter: filter"
		if (f ~ /^org\.curveball\.session\.(web\.CookieHeaders|web\.SessionCookieCodec|web\.servlet\.ServletSessionCookie|SessionIds)\./) return "starter: cookie parsing"
		if (f ~ /^org\.curveball\.session\.core\.LazySession\.(commit|commitValues|commitEmpty|replace)/) return "starter: save and change detection"
		if (f ~ /^org\.curveball\.session\.(json\.SessionCodec\.write|core\.(GroupCommit|SessionChanges|SaveTrail|SizeLimit)|core\.SessionLifetime\.stamp)/) return "starter: save and change detection"
		if (f ~ /^org\.curveball\.session\.(core|json)\./) return "starter: session loading and JSON"
		if (f ~ /^org\.curveball\.session\.redis\./) return "starter: store (command path)"
		if (f ~ /^org\.curveball\.session\.web\.servlet\.(SessionSavingResponse|BeforeCommit)/) return "starter: response wrapper"
		if (f ~ /^org\.curveball\.session\.web\.servlet\.(HttpSessionRequest|SessionHttpSession)/) return "starter: HttpSession view"
		if (f ~ /^org\.curveball\.session\.web\.servlet\.(SessionFlashMapManager|FlashMarkerCookie|StoredFlashMap)/) return "starter: flash manager"
		if (f ~ /^org\.curveball\.session\./) return "starter: other"
		if (f ~ /^org\.curveball\.bench\./) return "app controller"
		if (f ~ /^(io\.lettuce|io\.netty|org\.springframework\.data\.redis|redis\.clients|org\.apache\.commons\.pool2)\./) return "Redis client"
		if (f ~ /^org\.springframework\.session\./) return "Spring Session"
		if (f ~ /^org\.springframework\.web\.servlet\.support\.AbstractFlashMapManager/) return "starter: flash manager"
		if (f ~ /^org\.springframework\.web\.filter\./) return "Spring filters"
		if (f ~ /^org\.springframework\.(web|http|validation)\./) return "Spring MVC"
		if (f ~ /^org\.springframework\.context\./) return "Spring events"
		if (f ~ /^org\.apache\.(catalina|coyote|tomcat)\./) return "Tomcat"
		return ""
	}
	function group(t) { gsub(/[0-9]+/, "N", t); return t }
	/^jdk\.ExecutionSample \{/ { if (keep) flush(); keep = 0; p = ""; top = ""; thr = ""; depth = 0; next }
	/^  startTime = / { keep = ($3 >= begin && $3 <= end); next }
	/^  sampledThread = / { thr = $0; sub(/^[^"]*"/, "", thr); sub(/".*/, "", thr); next }
	/stackTrace = \[/ { st = 1; next }
	st && /^ *\]/ { st = 0; next }
	st && keep && p == "" {
		f = $0; sub(/^ +/, "", f); sub(/\(.*$/, "", f)
		if (depth++ == 0) top = f
		p = part(f)
		next
	}
	function flush() {
		g = group(thr)
		if (p == "") p = "other (" ((top ~ /^(java|jdk|sun)\./) ? "JDK" : top) ")"
		if (p ~ /^other/ && top ~ /^(java|jdk|sun)\./) p = "other (JDK, no recognised caller)"
		n[g]++; c[g, p]++; total++
	}
	END {
		if (keep) flush()
		printf "== %d execution samples\n", total
		for (k in c) { split(k, a, SUBSEP); printf "%6.1f%%  %-40s %s\n", 100 * c[k] / total, a[2], a[1] | "sort -rn" }
		close("sort -rn")
		print "-- by thread group"
		for (g in n) printf "%6.1f%%  %s\n", 100 * n[g] / total, g | "sort -rn"
	}'
