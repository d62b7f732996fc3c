#!/usr/bin/env bash
# Benchmark: the Curveball session starter against Spring Session Data Redis and an
# application without sessions, on one machine, in one run. See bench/README.md.
#
# Everything listens on 127.0.0.1 only; a fresh redis-server on a free port (never
# 6379) holds the sessions; every process this script starts is stopped on exit.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)

# ---- settings (environment variables) ----------------------------------------------
APPS=${APPS:-"starter spring-session none"}   # which apps, in round order; also the starter's
                                # connection variants starter-lettuce-pool and starter-jedis, the floor
                                # commands-only (the starter's commands, no session code; with
                                # commands-only-jedis, and commands-only-native on Lettuce's own
                                # API), and on WebFlux: starter-reactive
                                # spring-session-reactive none-reactive
SCENARIOS=${SCENARIOS:-"read write ignore"}
DURATION=${DURATION:-10}        # seconds of each measured wrk run
WARMUP=${WARMUP:-20}            # seconds of each scenario's warm-up run per app, right before its rounds (discarded)
PREWARM=${PREWARM:-0}           # seconds per app and scenario of a first JIT warm-up (0: none)
JIT_SETTLE=${JIT_SETTLE:-60}    # after its warm-up, up to this many more seconds per app and scenario,
                                # in 5 s runs, until the JIT compilers use < JIT_QUIET % of the app's CPU
JIT_QUIET=${JIT_QUIET:-3}
ROUNDS=${ROUNDS:-2}             # measured rounds per scenario; each round runs every app
THREADS=${THREADS:-2}           # wrk -t
CONNECTIONS=${CONNECTIONS:-32}  # wrk -c
SESSIONS=${SESSIONS:-1}         # sessions per app the load is spread over (1: one cookie)
COUNT_REQUESTS=${COUNT_REQUESTS:-100}  # requests per app and scenario under MONITOR
QUIET_MAX=${QUIET_MAX:-15}      # percent of the machine other processes may use before a run
QUIET_WAIT=${QUIET_WAIT:-30}    # seconds to wait for that before one run, at most
QUIET_BUDGET=${QUIET_BUDGET:-120}  # seconds to wait for that over the whole benchmark, at most
HEAP=${HEAP:-256m}              # -Xms/-Xmx of each application JVM
JAVA_OPTS=${JAVA_OPTS:-}        # extra JVM options for all three apps
SKIP_BUILD=${SKIP_BUILD:-0}     # 1: use the jars already built
PROFILE=${PROFILE:-}            # apps to profile, e.g. "starter": JFR + CPU per thread group,
                                # per measured run, in OUT_DIR (summarize with bench/jfr-top.sh)
OUT_DIR=${OUT_DIR:-"$BENCH_DIR/target/run"}   # logs, raw results, JFR files

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

app_dir() {
	case "$1" in
		starter | starter-lettuce-pool | starter-jedis) echo "$BENCH_DIR/apps/starter-app" ;;
		spring-session) echo "$BENCH_DIR/apps/spring-session-app" ;;
		commands-only | commands-only-jedis | commands-only-native) echo "$BENCH_DIR/apps/commands-only-app" ;;
		none) echo "$BENCH_DIR/apps/no-session-app" ;;
		starter-reactive) echo "$BENCH_DIR/apps/starter-reactive-app" ;;
		spring-session-reactive) echo "$BENCH_DIR/apps/spring-session-reactive-app" ;;
		none-reactive) echo "$BENCH_DIR/apps/no-session-reactive-app" ;;
		*) die "unknown app '$1' (known: starter starter-lettuce-pool starter-jedis spring-session commands-only commands-only-jedis commands-only-native none starter-reactive spring-session-reactive none-reactive)" ;;
	esac
}
app_args() { # the Spring profile of a connection variant of the starter's app
	case "$1" in
		starter-lettuce-pool) echo "--spring.profiles.active=lettuce-pool" ;;
		starter-jedis | commands-only-jedis) echo "--spring.profiles.active=jedis" ;;
		commands-only-native) echo "--floor.native=true" ;;
	esac
}
scenario_method() { case "$1" in write) echo POST ;; read | ignore) echo GET ;; *) die "unknown scenario '$1'" ;; esac; }

for app in $APPS; do app_dir "$app" >/dev/null; done
for s in $SCENARIOS; do scenario_method "$s" >/dev/null; done
[[ $SESSIONS =~ ^[1-9][0-9]*$ && $SESSIONS -le 1000 ]] || die "SESSIONS must be 1..1000"
[[ $ROUNDS =~ ^[1-9][0-9]*$ && $ROUNDS -le 20 ]] || die "ROUNDS must be 1..20"

# ---- clean-up of everything started here -------------------------------------------
PIDS=()
cleanup() {
	local pid i
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do
		for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$pid" 2>/dev/null || true
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools --------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
	log "installing wrk from Debian"
	if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
	else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi
for tool in wrk redis-server redis-cli curl java ss awk; do
	command -v "$tool" >/dev/null || die "$tool is missing"
done


# ---- build --------------------------------------------------------------------------
if [[ $SKIP_BUILD != 1 ]]; then
	MVN=("$REPO_DIR/mvnw")   # the project's Maven 3.9, for the apps too
	if [[ " $APPS " == *" starter"* ]]; then
		log "installing the starter (repository root, tests skipped)"
		(cd "$REPO_DIR" && "${MVN[@]}" -B -q -DskipTests install) || die "installing the starter failed"
	fi
	modules="apps/common"
	for app in $APPS; do
		module="apps/$(basename "$(app_dir "$app")")"
		[[ ,$modules, == *,$module,* ]] || modules+=",$module"
	done
	log "building $modules"
	"${MVN[@]}" -B -q -f "$BENCH_DIR/pom.xml" -pl "$modules" -am -DskipTests clean package || die "building the apps failed"
fi

# After the build: cleaning the bench modules removes bench/target, OUT_DIR included.
rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR/redis" "$OUT_DIR/raw"

# ---- ports, Redis, apps -------------------------------------------------------------
USED_PORTS=" 6379 "
free_port() {
	local p i
	for i in $(seq 1 200); do
		p=$((20000 + RANDOM % 40000))
		[[ $USED_PORTS == *" $p "* ]] && continue
		if [[ -z $(ss -Hltn "sport = :$p") ]]; then USED_PORTS+="$p "; echo "$p"; return 0; fi
	done
	die "no free port found"
}

REDIS_PORT=$(free_port)
rcli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }
log "starting redis-server on 127.0.0.1:$REDIS_PORT"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
	--dir "$OUT_DIR/redis" --logfile "$OUT_DIR/redis/redis.log" --daemonize no &
REDIS_PID=$!
PIDS+=("$REDIS_PID")
for i in $(seq 1 100); do [[ $(rcli PING 2>/dev/null) == PONG ]] && break; sleep 0.1; done
[[ $(rcli PING 2>/dev/null) == PONG ]] || die "redis-server did not start"

declare -A PORT PID COOKIE COOKIES BYTES KEYS
for app in $APPS; do
	dir=$(app_dir "$app")
	jar="$dir/target/$(basename "$dir").jar"
	[[ -f $jar ]] || die "$jar is missing (build first, or SKIP_BUILD=0)"
	PORT[$app]=$(free_port)
	log "starting $app on 127.0.0.1:${PORT[$app]}"
	jfr_opts=""
	if [[ " $PROFILE " == *" $app "* ]]; then
		# record from the start: starting JFR later deoptimizes compiled code mid-benchmark
		jfr_opts="-XX:StartFlightRecording=name=bench,settings=profile,settings=$BENCH_DIR/jfr-samples.jfc,maxage=30m"
	fi
	# shellcheck disable=SC2086
	java -Xms"$HEAP" -Xmx"$HEAP" $JAVA_OPTS $jfr_opts -jar "$jar" $(app_args "$app") \
		--server.address=127.0.0.1 --server.port="${PORT[$app]}" \
		--spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$REDIS_PORT" \
		>"$OUT_DIR/$app.log" 2>&1 &
	PID[$app]=$!
	PIDS+=("${PID[$app]}")
done
for app in $APPS; do
	url="http://127.0.0.1:${PORT[$app]}/ignore"
	for i in $(seq 1 180); do
		kill -0 "${PID[$app]}" 2>/dev/null || die "$app exited; see $OUT_DIR/$app.log"
		[[ $(curl -s -o /dev/null -w '%{http_code}' "$url" || true) == 200 ]] && break
		sleep 1
	done
	[[ $(curl -s -o /dev/null -w '%{http_code}' "$url" || true) == 200 ]] || die "$app did not start; see $OUT_DIR/$app.log"
done
log "apps up: $(for a in $APPS; do printf '%s=%s ' "$a" "${PORT[$a]}"; done)"

# ---- sessions: one cookie per session, and what a one-attribute session costs in Redis
session_keys() { rcli --scan | LC_ALL=C sort; }
for app in $APPS; do
	COOKIES[$app]=""
	for n in $(seq 1 "$SESSIONS"); do
		before=$(session_keys)
		cookie=$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:${PORT[$app]}/init" |
			tr -d '\r' | awk 'tolower($1) == "set-cookie:" { sub(/^[^:]*: */, ""); sub(/;.*/, ""); print; exit }')
		if [[ $n == 1 ]]; then
			# the keys this session created, and their memory
			new_keys=$(LC_ALL=C comm -13 <(echo "$before") <(session_keys) | sed '/^$/d')
			total=0
			while IFS= read -r key; do
				[[ -z $key ]] && continue
				total=$((total + $(rcli MEMORY USAGE "$key" SAMPLES 0)))
			done <<<"$new_keys"
			BYTES[$app]=$total
			KEYS[$app]=$(echo "$new_keys" | sed '/^$/d' | sed -E 's/([:-])[A-Za-z0-9+\/=-]{20,}$/\1<id>/' | paste -sd ' ' -)
			[[ -z ${KEYS[$app]} ]] && KEYS[$app]="-"
		fi
		if [[ -z $cookie ]]; then
			[[ $app == none || $app == none-reactive ]] || die "$app sent no Set-Cookie on POST /init"
			cookie="BENCH=$(printf 'x%.0s' $(seq 1 44))"   # same header size, no session
		fi
		COOKIES[$app]+="$cookie"$'\n'
		[[ $n == 1 ]] && COOKIE[$app]=$cookie
	done
	log "$app: cookie ${COOKIE[$app]%%=*}, session keys: ${KEYS[$app]}, ${BYTES[$app]} bytes"
done

# ---- client commands per request: exactly COUNT_REQUESTS requests under MONITOR ------
# Commands a script runs show up in MONITOR as "[db lua]"; only the others count here.
count_commands() { # app scenario -> "<commands/request> <breakdown>"
	local app=$1 scen=$2 method mon mpid codes i n prev
	method=$(scenario_method "$scen")
	mon="$OUT_DIR/raw/monitor-$app-$scen.txt"
	# redis-cli itself, not the rcli function: $! must be the process to stop, not a
	# subshell whose redis-cli would outlive it
	redis-cli -h 127.0.0.1 -p "$REDIS_PORT" MONITOR >"$mon" 2>/dev/null &
	mpid=$!
	PIDS+=("$mpid")
	for i in $(seq 1 50); do grep -q '^OK' "$mon" 2>/dev/null && break; sleep 0.1; done
	# One connection per request, and a time limit: on WebFlux (this starter's app and
	# Spring Session's alike) about one request in a hundred on a reused connection was
	# never answered, which hung the count (see bench/README.md)
	codes=$(curl -s -o /dev/null -m 10 -H 'Connection: close' -X "$method" -H "Cookie: ${COOKIE[$app]}" \
		-w '%{http_code}\n' "http://127.0.0.1:${PORT[$app]}/$scen?n=[1-$COUNT_REQUESTS]" 2>&1 | grep -c '^200$' || true)
	# wait until the monitor has been quiet for half a second (saves may follow the response)
	prev=-1
	for i in $(seq 1 30); do
		n=$(wc -l <"$mon")
		[[ $n == "$prev" ]] && break
		prev=$n
		sleep 0.5
	done
	kill "$mpid" 2>/dev/null || true
	wait "$mpid" 2>/dev/null || true
	[[ $codes == "$COUNT_REQUESTS" ]] || log "WARNING: $app $scen: only $codes of $COUNT_REQUESTS requests answered 200"
	awk -v n="$COUNT_REQUESTS" '
		/^[0-9.]+ \[[0-9]+ lua\]/ { next }
		/^[0-9.]+ \[[0-9]+ [^]]+\] "/ { c = $4; gsub(/"/, "", c); c = toupper(c); count[c]++; total++ }
		END {
			out = ""
			for (c in count) out = out sprintf("%s%s=%.2f", (out == "" ? "" : ","), c, count[c] / n)
			printf "%.2f %s\n", total / n, (out == "" ? "-" : out)
		}' "$mon"
}

# ---- load runs ------------------------------------------------------------------------
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
children_ticks() { awk '{ sub(/^.*\) /, ""); print $14 + $15 }' "/proc/$$/stat"; }  # CPU of the waited-for children of this shell (wrk)
ours_ticks() { # every process this script started and is still running
	local pid total=0
	for pid in "${PIDS[@]}"; do total=$((total + $(cpu_ticks "$pid"))); done
	echo "$total"
}
NCPU=$(nproc)
# Other work on the machine (a build, a test run) skews the numbers. Before each
# measured run, wait (QUIET_WAIT per run, QUIET_BUDGET in all) for a second in which
# processes not started here use less than QUIET_MAX percent of the machine's CPU.
QUIET_LEFT=$QUIET_BUDGET
wait_quiet() {
	local i m0 o0 m1 o1 foreign limit
	limit=$((QUIET_WAIT < QUIET_LEFT ? QUIET_WAIT : QUIET_LEFT))
	[[ $limit -ge 1 ]] || limit=1
	for i in $(seq 1 "$limit"); do
		QUIET_LEFT=$((QUIET_LEFT > 0 ? QUIET_LEFT - 1 : 0))
		m0=$(machine_busy); o0=$(ours_ticks)
		sleep 1
		m1=$(machine_busy); o1=$(ours_ticks)
		foreign=$(( (m1 - m0 - (o1 - o0)) * 100 / (CLK_TCK * NCPU) ))
		[[ $foreign -lt $QUIET_MAX ]] && return 0
		[[ $i == 1 && $limit -gt 1 ]] && log "machine busy with other work (${foreign}% of its CPU); waiting up to ${limit}s"
	done
	log "WARNING: machine busy with other work (${foreign}% of its CPU); measuring anyway (see the 'other CPU' column)"
}
to_ms() { # wrk latency ("812.00us", "1.23ms", "2.00s") -> milliseconds
	awk -v v="$1" 'BEGIN {
		u = v; sub(/^[0-9.]+/, "", u); x = v + 0
		if (u == "us") x /= 1000; else if (u == "s") x *= 1000; else if (u == "m") x *= 60000
		printf "%.3f", x }'
}
thread_ticks() { # pid -> "tid user-ticks system-ticks" per thread of the process
	local t
	for t in /proc/"$1"/task/*/stat; do awk '{ sub(/^.*\) /, ""); print FILENAME, $12, $13 }' "$t" 2>/dev/null; done |
		sed -E 's#^/proc/[0-9]+/task/([0-9]+)/stat#\1#'
}
thread_report() { # pid before-file after-file requests -> CPU µs per request by thread group
	local names
	# thread id (decimal, as in /proc) -> thread name with its numbers replaced by N
	names=$(jcmd "$1" Thread.print | awk '
		function hex(h,   i, v) { v = 0; h = tolower(h); for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1; return v }
		/^"/ && / nid=0x/ {
			name = $0; sub(/^"/, "", name); sub(/".*/, "", name); gsub(/[0-9]+/, "N", name)
			match($0, /nid=0x[0-9a-fA-F]+/); printf "%d %s\n", hex(substr($0, RSTART + 6, RLENGTH - 6)), name }')
	awk -v reqs="$4" -v tck="$CLK_TCK" -v names="$names" '
		BEGIN { n = split(names, l, "\n"); for (i = 1; i <= n; i++) { split(l[i], p, " "); t = p[1]; sub(/^[0-9]+ /, "", l[i]); name[t] = l[i] } }
		FNR == NR { bu[$1] = $2; bs[$1] = $3; next }
		{
			du = $2 - bu[$1]; ds = $3 - bs[$1]; if (du + ds <= 0) next
			g = ($1 in name) ? name[$1] : "(JVM internal/native thread)"
			u[g] += du; s[g] += ds; tu += du; ts += ds
		}
		END {
			f = 1e6 / tck / reqs
			printf "%8s %8s %8s  %s\n", "µs/req", "user", "system", "thread group (CPU during the run)"
			for (g in u) printf "%8.1f %8.1f %8.1f  %s\n", (u[g] + s[g]) * f, u[g] * f, s[g] * f, g | "sort -rn"
			close("sort -rn")
			printf "%8.1f %8.1f %8.1f  total\n", (tu + ts) * f, tu * f, ts * f
		}' "$2" "$3"
}
RESULTS="$OUT_DIR/results.tsv"
printf 'app\tscenario\tround\trps\tp50_ms\tp99_ms\trequests\terrors\tserver_cmds_per_req\tapp_cpu_us_per_req\tredis_cpu_us_per_req\tother_cpu_pct\n' >"$RESULTS"

run_wrk() { # app scenario round seconds
	local app=$1 scen=$2 round=$3 secs=$4 method out args=() a0 r0 a1 r1 m0 m1 o0 o1 w0 w1 other cmds jfr="" jfr_begin jfr_end
	method=$(scenario_method "$scen")
	out="$OUT_DIR/raw/wrk-$app-$scen-$round.txt"
	if [[ $SESSIONS -gt 1 ]]; then
		args=(-s "$BENCH_DIR/wrk/sessions.lua")
	else
		args=(-H "Cookie: ${COOKIE[$app]}")
		[[ $method == POST ]] && args+=(-s "$BENCH_DIR/wrk/post.lua")
	fi
	if [[ $round != warmup && " $PROFILE " == *" $app "* ]]; then
		jfr="$OUT_DIR/$app-$scen-$round.jfr"
		jfr_begin=$(date +%H:%M:%S.%N | cut -c1-12)
		thread_ticks "${PID[$app]}" >"$OUT_DIR/raw/threads-before.txt"
	fi
	rcli CONFIG RESETSTAT >/dev/null
	[[ $round != warmup ]] && wait_quiet
	a0=$(cpu_ticks "${PID[$app]}")
	r0=$(cpu_ticks "$REDIS_PID")
	m0=$(machine_busy); o0=$(ours_ticks); w0=$(children_ticks)
	BENCH_COOKIES=${COOKIES[$app]} BENCH_METHOD=$method BENCH_THREADS=$THREADS \
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency "${args[@]}" \
		"http://127.0.0.1:${PORT[$app]}/$scen" >"$out" 2>&1 || die "wrk failed: $(cat "$out")"
	a1=$(cpu_ticks "${PID[$app]}")
	r1=$(cpu_ticks "$REDIS_PID")
	m1=$(machine_busy); o1=$(ours_ticks); w1=$(children_ticks)
	# share of the machine's CPU used by processes other than ours and wrk during the run
	other=$(awk -v d=$((m1 - m0 - (o1 - o0) - (w1 - w0))) -v cap=$((CLK_TCK * NCPU)) -v secs="$secs" \
		'BEGIN { v = 100 * d / (cap * secs); printf "%.0f", (v < 0 ? 0 : v) }')
	rcli INFO commandstats | tr -d '\r' >"$OUT_DIR/raw/commandstats-$app-$scen-$round.txt"
	if [[ -n $jfr ]]; then
		thread_ticks "${PID[$app]}" >"$OUT_DIR/raw/threads-after.txt"
		jfr_end=$(date +%H:%M:%S.%N | cut -c1-12)
		jcmd "${PID[$app]}" JFR.dump name=bench begin="$jfr_begin" end="$jfr_end" filename="$jfr" >/dev/null
		echo "$jfr_begin $jfr_end" >"$jfr.window"
		thread_report "${PID[$app]}" "$OUT_DIR/raw/threads-before.txt" "$OUT_DIR/raw/threads-after.txt" \
			"$(awk '/requests in/ { print $1 }' "$out")" >"$OUT_DIR/$app-$scen-$round.threads.txt"
	fi
	# every command the server executed, those run inside scripts included; not our probes
	cmds=$(awk -F'[:,=]' '/^cmdstat_/ && $1 !~ /^cmdstat_(info|config|monitor|ping|scan|memory)/ { n += $3 } END { print n + 0 }' \
		"$OUT_DIR/raw/commandstats-$app-$scen-$round.txt")
	awk -v app="$app" -v scen="$scen" -v round="$round" -v tck="$CLK_TCK" \
		-v da=$((a1 - a0)) -v dr=$((r1 - r0)) -v cmds="$cmds" -v other="$other" '
		/^Requests\/sec:/ { rps = $2 }
		/^ +50%/ { p50 = $2 }
		/^ +99%/ { p99 = $2 }
		/requests in/ { reqs = $1 }
		/Non-2xx or 3xx responses:/ { errors += $NF }
		/Socket errors:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) { v = $i; sub(/,/, "", v); errors += v } }
		END {
			printf "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%.2f\t%.1f\t%.1f\t%s\n", app, scen, round, rps, p50, p99, reqs, errors,
				(reqs > 0 ? cmds / reqs : 0), (reqs > 0 ? da * 1e6 / tck / reqs : 0), (reqs > 0 ? dr * 1e6 / tck / reqs : 0), other
		}' "$out" | while IFS=$'\t' read -r a s r rps p50 p99 rest; do
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$a" "$s" "$r" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$rest"
	done
}

# CPU of the JIT compiler threads: on a slow machine 20 s of warm-up left them compiling
# through the first scenario's measured runs (up to a fifth of the app's CPU), which charged
# the app with compilation and with code not yet compiled
compiler_ticks() {
	local t total=0
	for t in /proc/"$1"/task/*; do
		[[ $(cat "$t/comm" 2>/dev/null) == C[12]\ Compiler* ]] || continue
		total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$t/stat" 2>/dev/null || echo 0)))
	done
	echo "$total"
}
settle_jit() { # app scenario: more warm-up while the JIT compilers are busy
	local app=$1 scen=$2 spent=0 c0 a0 c1 a1 share=0
	[[ $JIT_SETTLE -gt 0 ]] || return 0
	while [[ $spent -lt $JIT_SETTLE ]]; do
		c0=$(compiler_ticks "${PID[$app]}"); a0=$(cpu_ticks "${PID[$app]}")
		run_wrk "$app" "$scen" warmup 5 >"$OUT_DIR/raw/line.tsv"
		c1=$(compiler_ticks "${PID[$app]}"); a1=$(cpu_ticks "${PID[$app]}")
		spent=$((spent + 5))
		share=$(( (c1 - c0) * 100 / ((a1 - a0) > 0 ? (a1 - a0) : 1) ))
		if [[ $share -lt $JIT_QUIET ]]; then
			[[ $spent -gt 5 ]] && log "$scen/$app: JIT settled after ${spent}s more warm-up"
			return 0
		fi
	done
	log "WARNING: $scen/$app: JIT compilers still at ${share}% of the app's CPU after ${JIT_SETTLE}s more warm-up"
}

read -r -a APP_LIST <<<"$APPS"
NAPPS=${#APP_LIST[@]}
declare -A CLIENT_CMDS CLIENT_BREAKDOWN
if [[ $PREWARM -gt 0 ]]; then
	log "JIT warm-up: every app, every scenario, ${PREWARM}s each (discarded)"
	for scen in $SCENARIOS; do
		for app in $APPS; do run_wrk "$app" "$scen" warmup "$PREWARM" >"$OUT_DIR/raw/line.tsv"; done
	done
fi
for scen in $SCENARIOS; do
	for app in $APPS; do
		count_commands "$app" "$scen" >"$OUT_DIR/raw/count-$app-$scen.txt"
		read -r per breakdown <"$OUT_DIR/raw/count-$app-$scen.txt"
		CLIENT_CMDS[$app,$scen]=$per
		CLIENT_BREAKDOWN[$app,$scen]=$breakdown
		log "$scen/$app: $per client commands/request ($breakdown)"
	done
	log "$scen: warm-up (${WARMUP}s each, discarded)"
	for app in $APPS; do
		run_wrk "$app" "$scen" warmup "$WARMUP" >"$OUT_DIR/raw/line.tsv"
		settle_jit "$app" "$scen"
	done
	for round in $(seq 1 "$ROUNDS"); do
		for k in $(seq 0 $((NAPPS - 1))); do
			# rotate the order each round so no app always runs first or last
			app=${APP_LIST[$(((k + round - 1) % NAPPS))]}
			run_wrk "$app" "$scen" "$round" "$DURATION" >"$OUT_DIR/raw/line.tsv"
			line=$(cat "$OUT_DIR/raw/line.tsv")
			[[ -n $line ]] || die "no result for $app $scen round $round"
			echo "$line" >>"$RESULTS"
			log "$scen round $round $app: $(echo "$line" | awk -F'\t' '{ printf "%s req/s, p50 %s ms, p99 %s ms, %s server cmds/req, errors %s, other CPU %s%%", $4, $5, $6, $9, $8, $12 }')"
		done
	done
done

# ---- report -------------------------------------------------------------------------
REPORT="$OUT_DIR/report.md"
{
	echo "### Results ($(date -u +%Y-%m-%d), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s x $ROUNDS rounds, $SESSIONS session(s) per app)"
	echo
	echo "| scenario | app | req/s | p50 ms | p99 ms | Redis cmds/req (client) | Redis cmds/req (server, incl. in scripts) | app CPU µs/req | Redis CPU µs/req | errors | other CPU % |"
	echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for scen in $SCENARIOS; do
		for app in $APPS; do
			awk -F'\t' -v app="$app" -v scen="$scen" -v client="${CLIENT_CMDS[$app,$scen]}" '
				$1 == app && $2 == scen { n++; rps += $4; p50 += $5; p99 += $6; err += $8; cmds += $9; acpu += $10; rcpu += $11; oth += $12 }
				END { if (n) printf "| %s | %s | %.0f | %.2f | %.2f | %s | %.2f | %.0f | %.0f | %d | %.0f |\n",
					scen, app, rps / n, p50 / n, p99 / n, client, cmds / n, acpu / n, rcpu / n, err, oth / n }' "$RESULTS"
		done
	done
	echo
	echo "Client commands per request, by command (from MONITOR, $COUNT_REQUESTS requests each):"
	echo
	for scen in $SCENARIOS; do
		for app in $APPS; do echo "- $scen / $app: ${CLIENT_BREAKDOWN[$app,$scen]}"; done
	done
	echo
	# the req/s ratios of one app against two others (when the first two ran)
	ratio_table() {
		local app=$1 peer=$2 other=$3
		[[ " $APPS " == *" $app "* && " $APPS " == *" $peer "* ]] || return 0
		echo "| scenario | $app / $peer (req/s) | $app / $other (req/s) |"
		echo "| --- | ---: | ---: |"
		for scen in $SCENARIOS; do
			awk -F'\t' -v scen="$scen" -v a="$app" -v p="$peer" -v o="$other" '
				$2 == scen { n[$1]++; rps[$1] += $4 }
				function mean(x) { return (n[x] ? rps[x] / n[x] : 0) }
				function ratio(x, y) { return (mean(y) > 0 && mean(x) > 0) ? sprintf("%.2f", mean(x) / mean(y)) : "n/a" }
				END { printf "| %s | %s | %s |\n", scen, ratio(a, p), ratio(a, o) }' "$RESULTS"
		done
		echo
	}
	ratio_table starter spring-session none
	# the floor: the starter against its commands alone, and those commands against Spring Session
	ratio_table starter commands-only spring-session
	ratio_table commands-only spring-session none
	ratio_table starter-reactive spring-session-reactive none-reactive
	echo "| app | Redis keys of a one-attribute session | bytes/session (MEMORY USAGE) |"
	echo "| --- | --- | ---: |"
	for app in $APPS; do echo "| $app | ${KEYS[$app]} | ${BYTES[$app]} |"; done
	if [[ " $APPS " == *" starter "* && " $APPS " == *" spring-session "* && ${BYTES[spring-session]} -gt 0 ]]; then
		echo
		awk -v s="${BYTES[starter]}" -v ss="${BYTES[spring-session]}" \
			'BEGIN { printf "starter / spring-session bytes: %.2f\n", s / ss }'
	fi
} >"$REPORT"
echo
cat "$REPORT"
echo
log "raw results in $OUT_DIR"
