#!/usr/bin/env bash
# End-to-end benchmark: the same small Quarkus REST application, packaged (fast-jar) three times, secured once by
# quarkus-hexclave, once by a hand-configured quarkus-smallrye-jwt, and once by a bearer mechanism that checks nothing
# (the floor: Quarkus security's own cost), driven by wrk side by side on loopback.
# Measures requests/s (public endpoint; same token every request; a new token every request), the ratios of figures
# measured back to back, start-up time and RSS. Writes benchmarks/results/<date>-e2e.{json,md}.
# See benchmarks/README.md. Not part of the test command.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

usage() {
    cat <<'EOF'
Usage: benchmarks/e2e/run.sh [options]      (each option also reads the environment variable in brackets)

  --duration S       seconds of each measured wrk run                       [DURATION=20]
  --warmup S         seconds of warm-up per application and scenario        [WARMUP=10]
  --repeats N        measured rounds; the application order alternates     [REPEATS=3]
  --connections N    wrk connections                                        [CONNECTIONS=32]
  --threads N        wrk threads (1 recommended on 2 cores, see README)     [WRK_THREADS=1]
  --tokens N         distinct access tokens minted before the run           [TOKENS=150000]
  --starts N         start-up/RSS measurements per application             [STARTS=3]
  --app-cpus LIST    pin the applications with taskset -c LIST (e.g. 1)     [APP_CPUS=, no pinning]
  --load-cpus LIST   pin wrk and the emulator with taskset -c LIST (e.g. 0) [LOAD_CPUS=, no pinning]
  --java-opts OPTS   JVM options for both applications                      [APP_JAVA_OPTS=]
  --label TEXT       results file name: <date>-e2e-<label>.{json,md}        [LABEL=]
  --results-dir DIR  where the results go                                   [RESULTS_DIR=benchmarks/results]
  --skip-build       use the applications built by an earlier run           [SKIP_BUILD=0]
  --shared-repo      install the project into the default local Maven repository instead of a private one
  --no-throughput    only start-up and RSS
  --no-startup       only throughput
  --keep-work        keep the work directory (logs are kept anyway; the token file is deleted otherwise)
EOF
}

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
REPEATS=${REPEATS:-3}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
TOKENS=${TOKENS:-150000}
STARTS=${STARTS:-3}
APP_CPUS=${APP_CPUS:-}
LOAD_CPUS=${LOAD_CPUS:-}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}
LABEL=${LABEL:-}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/benchmarks/results}
SKIP_BUILD=${SKIP_BUILD:-0}
SHARED_REPO=${SHARED_REPO:-0}
DO_THROUGHPUT=1
DO_STARTUP=1
KEEP_WORK=0
TOKEN_LIFETIME=${TOKEN_LIFETIME:-PT6H}
START_TIMEOUT_S=${START_TIMEOUT_S:-120}

while [ $# -gt 0 ]; do
    case "$1" in
        --duration) DURATION=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --repeats) REPEATS=$2; shift ;;
        --connections) CONNECTIONS=$2; shift ;;
        --threads) WRK_THREADS=$2; shift ;;
        --tokens) TOKENS=$2; shift ;;
        --starts) STARTS=$2; shift ;;
        --app-cpus) APP_CPUS=$2; shift ;;
        --load-cpus) LOAD_CPUS=$2; shift ;;
        --java-opts) APP_JAVA_OPTS=$2; shift ;;
        --label) LABEL=$2; shift ;;
        --results-dir) RESULTS_DIR=$2; shift ;;
        --skip-build) SKIP_BUILD=1 ;;
        --shared-repo) SHARED_REPO=1 ;;
        --no-throughput) DO_THROUGHPUT=0 ;;
        --no-startup) DO_STARTUP=0 ;;
        --keep-work) KEEP_WORK=1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

for n in DURATION WARMUP REPEATS CONNECTIONS WRK_THREADS TOKENS STARTS; do
    if ! [[ ${!n} =~ ^[0-9]+$ ]]; then
        echo "$n must be a whole number, not '${!n}'" >&2
        exit 2
    fi
done
if [ "$CONNECTIONS" -lt "$WRK_THREADS" ] || [ "$WRK_THREADS" -lt 1 ] || [ "$DURATION" -lt 1 ] || [ "$TOKENS" -lt 2 ]; then
    echo "Need threads >= 1, connections >= threads, duration >= 1 and tokens >= 2" >&2
    exit 2
fi

APPS=(hexclave smallrye-jwt floor) # floor: a bearer mechanism that checks nothing (Quarkus security's own cost)
SCENARIOS=(public repeated distinct)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK="$HERE/target/run-$STAMP"
mkdir -p "$WORK"
RAW="$WORK/raw.tsv"
META="$WORK/meta.env"
: >"$RAW"
: >"$META"

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() {
    log "FAILED: $*"
    exit 1
}

# ---------------------------------------------------------------------------------------------- processes we started
declare -a STARTED_PIDS=()
TOKEN_SERVER_PID=
cleanup() {
    local pid
    for pid in "${STARTED_PIDS[@]}" $TOKEN_SERVER_PID; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    if [ "$KEEP_WORK" = 0 ]; then
        rm -f "$WORK/emulator/tokens.txt"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

app_prefix=()
load_prefix=()
[ -n "$APP_CPUS" ] && app_prefix=(taskset -c "$APP_CPUS")
[ -n "$LOAD_CPUS" ] && load_prefix=(taskset -c "$LOAD_CPUS")

# ---------------------------------------------------------------------------------------------- prerequisites
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
command -v "$JAVA" >/dev/null || fail "no java on PATH (JDK 17 expected)"
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -1)
if ! grep -q '"17\.' <<<"$JAVA_VERSION"; then
    log "WARNING: the figures in the docs were measured on JDK 17; this is: $JAVA_VERSION"
fi
if ! command -v wrk >/dev/null; then
    log "wrk is missing: installing the Debian package"
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >"$WORK/apt.log" 2>&1 ||
            fail "apt-get install wrk failed, see $WORK/apt.log"
    else
        fail "install wrk first (sudo apt-get install -y wrk)"
    fi
fi
for tool in curl ss awk; do
    command -v $tool >/dev/null || fail "$tool is needed"
done
WRK_VERSION=$({ wrk -v 2>&1 || true; } | head -1 | awk '{print $1, $2}')

# ---------------------------------------------------------------------------------------------- build
TOOLS="$HERE/tools/target"
APP_JAR_hexclave="$HERE/app-hexclave/target/quarkus-app/quarkus-run.jar"
APP_JAR_smallrye_jwt="$HERE/app-smallrye-jwt/target/quarkus-app/quarkus-run.jar"
APP_JAR_floor="$HERE/app-floor/target/quarkus-app/quarkus-run.jar"
if [ "$SKIP_BUILD" = 0 ]; then
    repo_opts=()
    if [ "$SHARED_REPO" = 0 ]; then
        # Our snapshots go into a private local repository, so another checkout installing 999-SNAPSHOT meanwhile
        # cannot change what is measured; everything else is read from the user's repository (Maven 3.9 "tail").
        repo_opts=(-Dmaven.repo.local="$HERE/target/m2" -Dmaven.repo.local.tail="${E2E_MAVEN_TAIL:-$HOME/.m2/repository}")
    fi
    log "building and installing emulator, core, runtime and deployment (log: $WORK/build.log)"
    (cd "$ROOT" && ./mvnw -B install -DskipTests -pl emulator,core,runtime,deployment -am "${repo_opts[@]}") \
        >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "build of the extension"; }
    log "packaging the three applications and the tools"
    (cd "$ROOT" && ./mvnw -B -f benchmarks/e2e/pom.xml package -DskipTests "${repo_opts[@]}") \
        >>"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "packaging of the benchmark applications"; }
fi
for f in "$APP_JAR_hexclave" "$APP_JAR_smallrye_jwt" "$APP_JAR_floor" "$TOOLS/e2e-tools.jar"; do
    [ -f "$f" ] || fail "$f is missing: run without --skip-build"
done

# ---------------------------------------------------------------------------------------------- emulator
log "starting the emulator in its own JVM and minting $TOKENS tokens (valid $TOKEN_LIFETIME)"
mkdir -p "$WORK/emulator"
"${load_prefix[@]}" "$JAVA" -cp "$TOOLS/e2e-tools.jar:$TOOLS/lib/*" io.quarkiverse.hexclave.benchmarks.e2e.TokenServer \
    "$WORK/emulator" "$TOKENS" "$TOKEN_LIFETIME" >"$WORK/emulator.log" 2>&1 &
TOKEN_SERVER_PID=$!
for _ in $(seq 1 900); do
    [ -f "$WORK/emulator/emulator.env" ] && break
    kill -0 "$TOKEN_SERVER_PID" 2>/dev/null || { cat "$WORK/emulator.log"; fail "the emulator stopped"; }
    sleep 1
done
[ -f "$WORK/emulator/emulator.env" ] || fail "the emulator did not write its tokens in 15 minutes"
# shellcheck disable=SC1091
. "$WORK/emulator/emulator.env"
log "emulator at $E2E_API_URL, $E2E_TOKEN_COUNT tokens in ${E2E_MINT_MILLIS} ms"

# ---------------------------------------------------------------------------------------------- helpers
exec {SLEEP_FD}<> <(:)
nap() { read -r -t "$1" -u "$SLEEP_FD" || true; } # sleeps without forking a process (start-up timing)
now_us() { local t=$EPOCHREALTIME; echo $((10#${t/./})); }

free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        if [ -z "$(ss -Htan "( sport = :$p )")" ]; then
            echo "$p"
            return
        fi
    done
}

# HTTP status of GET 127.0.0.1:$1$2 into HTTP_STATUS (empty when nothing answers), by bash's /dev/tcp: no process
# is forked while an application starts.
probe() {
    HTTP_STATUS=
    local fd line
    { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&"$fd" 2>/dev/null || true
    if IFS=' ' read -r -t 5 -u "$fd" line; then
        line=${line#* }
        HTTP_STATUS=${line%% *}
    fi
    exec {fd}>&-
}

app_args() { # app port -> APP_CMD
    local app=$1 port=$2
    # shellcheck disable=SC2206
    APP_CMD=("${app_prefix[@]}" "$JAVA" $APP_JAVA_OPTS -Dquarkus.http.port="$port")
    case $app in
        hexclave)
            APP_CMD+=(-Dquarkus.hexclave.project-id="$E2E_PROJECT_ID" -Dquarkus.hexclave.api-url="$E2E_API_URL"
                -jar "$APP_JAR_hexclave") ;;
        smallrye-jwt)
            APP_CMD+=(-Dmp.jwt.verify.publickey.location="$E2E_JWKS_URL" -Dmp.jwt.verify.issuer="$E2E_ISSUER"
                -Dmp.jwt.verify.audiences="$E2E_AUDIENCE" -jar "$APP_JAR_smallrye_jwt") ;;
        floor)
            APP_CMD+=(-jar "$APP_JAR_floor") ;;
    esac
}

# Starts an application and waits for its first 200 on /public: APP_PID, APP_PORT, APP_LOG, FIRST_ANSWER_MS.
start_app() {
    local app=$1 tag=$2 t0 deadline
    APP_PORT=$(free_port)
    APP_LOG="$WORK/$app-$tag.log"
    app_args "$app" "$APP_PORT"
    t0=$(now_us)
    "${APP_CMD[@]}" >"$APP_LOG" 2>&1 &
    APP_PID=$!
    STARTED_PIDS+=("$APP_PID")
    deadline=$((t0 + START_TIMEOUT_S * 1000000))
    while :; do
        probe "$APP_PORT" /public
        [ "$HTTP_STATUS" = 200 ] && break
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$APP_LOG"; fail "$app stopped while starting"; }
        [ "$(now_us)" -lt "$deadline" ] || fail "$app did not answer within $START_TIMEOUT_S s"
        nap 0.01
    done
    FIRST_ANSWER_MS=$((($(now_us) - t0) / 1000))
}

stop_app() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

token_at() { sed -n "${1}p" "$E2E_TOKEN_FILE"; }

# GET with curl: CURL_STATUS and CURL_BODY.
get() {
    local port=$1 path=$2 token=${3:-} out
    if [ -n "$token" ]; then
        out=$(curl -s -m 10 -w '\n%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path") || true
    else
        out=$(curl -s -m 10 -w '\n%{http_code}' "http://127.0.0.1:$port$path") || true
    fi
    CURL_STATUS=${out##*$'\n'}
    CURL_BODY=${out%$'\n'*}
}

# Both applications must behave identically before anything is measured.
check_app() {
    local app=$1 port=$2 first
    first=$(token_at 1)
    get "$port" /public
    [ "$CURL_STATUS" = 200 ] && [ "$CURL_BODY" = ok ] || fail "$app: GET /public gave $CURL_STATUS"
    get "$port" /me
    [ "$CURL_STATUS" = 401 ] || fail "$app: GET /me without a token gave $CURL_STATUS, not 401"
    if [ "$app" = floor ]; then # accepts any bearer value by design
        get "$port" /me "$first"
        [ "$CURL_STATUS" = 200 ] && [ "$CURL_BODY" = floor-user ] || fail "floor: GET /me with a token gave $CURL_STATUS"
        log "floor checked: /public 200, /me 401 without a token, 200 with one"
        return
    fi
    get "$port" /me "not.a.token"
    [ "$CURL_STATUS" = 401 ] || fail "$app: GET /me with a malformed token gave $CURL_STATUS, not 401"
    get "$port" /me "$first"
    [ "$CURL_STATUS" = 200 ] && [ "$CURL_BODY" = "$E2E_FIRST_USER_ID" ] ||
        fail "$app: GET /me with a valid token gave $CURL_STATUS, not 200 with the user id"
    log "$app checked: /public 200, /me 401 without or with a malformed token, 200 with the user id with a valid one"
}

# Token line 1 is the "repeated" token (and the checks' token); the distinct scenario starts at line 2, and each
# application gets every token at most once across warm-up and rounds.
declare -A NEXT_TOKEN=([hexclave]=2 [smallrye-jwt]=2 [floor]=2)
declare -A EXHAUSTED=([hexclave]=0 [smallrye-jwt]=0 [floor]=0)
declare -A PORT=()

# run_wrk app scenario seconds round ("warmup" is not recorded)
run_wrk() {
    local app=$1 scenario=$2 secs=$3 round=$4 path args out result
    case $scenario in
        public) path=/public args=(none) ;;
        repeated) path=/me args=(same "$E2E_TOKEN_FILE" 1) ;;
        distinct)
            path=/me
            if [ "${NEXT_TOKEN[$app]}" -gt "$TOKENS" ]; then
                NEXT_TOKEN[$app]=2
                EXHAUSTED[$app]=1
                log "WARNING: $app has been sent every token once; starting over (raise --tokens)"
            fi
            args=(distinct "$E2E_TOKEN_FILE" "${NEXT_TOKEN[$app]}" "$WRK_THREADS") ;;
    esac
    out=$("${load_prefix[@]}" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 10s -s "$HERE/tokens.lua" \
        "http://127.0.0.1:${PORT[$app]}$path" -- "${args[@]}" 2>&1) || { echo "$out"; fail "wrk failed"; }
    printf '### round %s, %s, %s\n%s\n\n' "$round" "$app" "$scenario" "$out" >>"$WORK/wrk.log"
    result=$(grep '^E2E_RESULT' <<<"$out") || { echo "$out"; fail "wrk printed no result"; }
    declare -A r=()
    local kv
    for kv in ${result#E2E_RESULT }; do
        r[${kv%%=*}]=${kv#*=}
    done
    local socket_errors=$((r[connect] + r[read] + r[write] + r[timeout]))
    local reused=${r[tokens_reused]}
    if [ "$scenario" = distinct ]; then
        NEXT_TOKEN[$app]=$((NEXT_TOKEN[$app] + WRK_THREADS * r[tokens_used]))
        [ "${EXHAUSTED[$app]}" = 1 ] && reused=${r[requests]}
    fi
    local rps seconds
    seconds=$(awk -v d="${r[duration_us]}" 'BEGIN { printf "%.3f", d / 1e6 }')
    rps=$(awk -v n="${r[requests]}" -v d="${r[duration_us]}" 'BEGIN { printf "%.1f", n / (d / 1e6) }')
    log "$(printf '%-7s %-12s %-8s %9s req/s  (%s requests, non-2xx %s, socket errors %s, p50 %s ms, p99 %s ms%s)' \
        "$round" "$app" "$scenario" "$rps" "${r[requests]}" "${r[status]}" "$socket_errors" \
        "$((r[p50_us] / 1000))" "$((r[p99_us] / 1000))" "$([ "$reused" -gt 0 ] && echo ", tokens reused $reused")")"
    if [ "$round" != warmup ]; then
        printf 'tp\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$scenario" "$app" "$rps" "${r[requests]}" \
            "$seconds" "${r[status]}" "$socket_errors" "$reused" >>"$RAW"
    fi
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---------------------------------------------------------------------------------------------- metadata
{
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "branch=$(git -C "$ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)"
    echo "java=$JAVA_VERSION"
    echo "app_java_opts=${APP_JAVA_OPTS:-(none: JVM defaults)}"
    echo "wrk=$WRK_VERSION, $WRK_THREADS thread(s), $CONNECTIONS connections, keep-alive"
    echo "duration_s=$DURATION"
    echo "warmup_s=$WARMUP (per application and scenario)"
    echo "rounds=$REPEATS (application order alternates each round)"
    echo "tokens=$TOKENS (lifetime $TOKEN_LIFETIME; distinct users; line 1 is the repeated token)"
    echo "pinning=apps: ${APP_CPUS:-none}, wrk and emulator: ${LOAD_CPUS:-none}"
    echo "machine=$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr)"
    echo "load_average_at_start=$(loadavg)"
    echo "token_mint_ms=$E2E_MINT_MILLIS"
} >>"$META"
if awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
    log "WARNING: load average $(loadavg) exceeds the $(nproc) cores: other work is running; read the ratios only"
fi

# ---------------------------------------------------------------------------------------------- throughput
if [ "$DO_THROUGHPUT" = 1 ]; then
    declare -A PID=()
    for app in "${APPS[@]}"; do
        start_app "$app" throughput
        PID[$app]=$APP_PID
        PORT[$app]=$APP_PORT
        check_app "$app" "$APP_PORT"
    done
    if [ "$WARMUP" -gt 0 ]; then
        log "warm-up: $WARMUP s per application and scenario"
        for app in "${APPS[@]}"; do
            for scenario in "${SCENARIOS[@]}"; do
                [ "$app" = floor ] && [ "$scenario" = distinct ] && continue
                run_wrk "$app" "$scenario" "$WARMUP" warmup
            done
        done
    fi
    for round in $(seq 1 "$REPEATS"); do
        case $((round % 3)) in
            1) order=(hexclave smallrye-jwt floor) ;;
            2) order=(smallrye-jwt floor hexclave) ;;
            0) order=(floor hexclave smallrye-jwt) ;;
        esac
        log "round $round of $REPEATS: $DURATION s per run, order ${order[*]}"
        for scenario in "${SCENARIOS[@]}"; do
            for app in "${order[@]}"; do
                [ "$app" = floor ] && [ "$scenario" = distinct ] && continue
                run_wrk "$app" "$scenario" "$DURATION" "$round"
            done
        done
    done
    for app in "${APPS[@]}"; do
        stop_app "${PID[$app]}"
        echo "distinct_tokens_sent_to_$app=$((NEXT_TOKEN[$app] - 2)) of $((TOKENS - 1))$([ "${EXHAUSTED[$app]}" = 1 ] && echo ', ran out: raise --tokens')" >>"$META"
    done
fi

# ---------------------------------------------------------------------------------------------- start-up and RSS
if [ "$DO_STARTUP" = 1 ]; then
    first_token=$(token_at 1)
    for n in $(seq 1 "$STARTS"); do
        if [ $((n % 2)) = 1 ]; then order=(hexclave smallrye-jwt); else order=(smallrye-jwt hexclave); fi
        for app in "${order[@]}"; do
            start_app "$app" "start$n"
            get "$APP_PORT" /me "$first_token"
            [ "$CURL_STATUS" = 200 ] || fail "$app: the first authenticated request gave $CURL_STATUS"
            rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
            started=
            for _ in $(seq 1 50); do # the log line may trail the first answer
                started=$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$APP_LOG" | head -1)
                [ -n "$started" ] && break
                sleep 0.1
            done
            started=${started:--}
            stop_app "$APP_PID"
            log "$(printf 'start %s %-12s first answer %5s ms, Quarkus started in %ss, RSS %s MB' "$n" "$app" \
                "$FIRST_ANSWER_MS" "$started" "$((rss_kb / 1024))")"
            printf 'start\t%s\t%s\t%s\t%s\t%s\n' "$n" "$app" "$FIRST_ANSWER_MS" "$started" "$rss_kb" >>"$RAW"
        done
    done
fi

echo "load_average_at_end=$(loadavg)" >>"$META"

# ---------------------------------------------------------------------------------------------- report
mkdir -p "$RESULTS_DIR"
base="$RESULTS_DIR/$(date -u +%Y-%m-%d)-e2e${LABEL:+-$LABEL}"
name=$base
i=2
while [ -e "$name.json" ]; do
    name="$base-$i"
    i=$((i + 1))
done
"$JAVA" -cp "$TOOLS/e2e-tools.jar:$TOOLS/lib/*" io.quarkiverse.hexclave.benchmarks.e2e.Report \
    "$RAW" "$META" "$name.json" "$name.md"
log "results: $name.json and $name.md (raw wrk output and logs: $WORK)"
