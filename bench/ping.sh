#!/usr/bin/env bash
# Ping benchmark: a static page served by nginx on loopback over http and over https (a
# self-signed certificate made here with openssl), hit by Webprobe's ping, hey and wrk (those
# two when installed: apt-get install hey wrk) in the same run; then the memory case, 10,000
# URLs x 10 requests under -Xmx256m, with its peak RSS.
#   bench/ping.sh [REQUESTS] [CONCURRENCY] [RUNS]   (defaults: 20000 50 3; medians reported)
#   BENCH_CASES="http https memory" picks the cases (those three by default; https-jdk and
#   https-h2 too: the latter pings an HTTP/2 listener with --http2 against hey -h2; wrk has no
#   HTTP/2).
# The ping's https engines are BoringSSL's (Conscrypt, docs/decisions/0015); the https-jdk case
# (not in the default set) runs the same with the JDK's own TLS (-Dwebprobe.tls=jdk), which
# under run.sh's C1-only JIT offers ChaCha20-Poly1305 first (ADR 0011). HTTPS_JAVA_OPTS adds
# JVM options to those two cases only (empty by default: what ./run.sh runs;
# -XX:TieredStopAtLevel=4 puts C2 back).
# NGINX_WORKERS sets nginx's worker processes (1 by default: the server then has one core and the
# clients the other; 2 makes the clients share both cores with the server, so a client's CPU
# per request decides more of its rate).
# wrk has no request count, so it runs for as long as Webprobe's median run took (at least 3 s).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-20000}
CONC=${2:-50}
RUNS=${3:-3}
CASES=${BENCH_CASES:-http https memory}
HTTPS_JAVA_OPTS=${HTTPS_JAVA_OPTS:-}
NGINX_WORKERS=${NGINX_WORKERS:-1}
command -v nginx >/dev/null || { echo "bench/ping.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }
command -v openssl >/dev/null || { echo "bench/ping.sh needs openssl: apt-get install openssl" >&2; exit 2; }

WORK=$(mktemp -d /tmp/webprobe-pingbench.XXXXXX)
chmod 755 "$WORK"
source bench/nginx.sh
PORT=$(free_port)
TLS_PORT=$(free_port)
H2_PORT=$(free_port)
mkdir -p "$WORK/site"
python3 -c "print('<!doctype html><title>bench</title>' + 'x' * 600)" > "$WORK/site/index.html"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
trap 'kill ${NGINX:-} 2>/dev/null; rm -rf "$WORK"' EXIT
start_nginx "$WORK" "$PORT" "$WORK/site" "$NGINX_WORKERS" "access_log off; keepalive_requests 1000000;
  server { listen 127.0.0.1:$TLS_PORT ssl backlog=4096; root $WORK/site;
           ssl_certificate $WORK/cert.pem; ssl_certificate_key $WORK/key.pem; }
  server { listen 127.0.0.1:$H2_PORT ssl http2 backlog=4096; root $WORK/site;
           ssl_certificate $WORK/cert.pem; ssl_certificate_key $WORK/key.pem; }"
./run.sh ping "http://127.0.0.1:$PORT/" --count 100 --quiet >/dev/null   # build the jar before timing

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# bench_case NAME URL JAVA_OPTS WEBPROBE_EXTRA_ARGS...: Webprobe and hey alternate, RUNS
# times; then wrk (unless NO_WRK is set). HEY_ARGS adds to hey's arguments.
bench_case() {
  local name=$1 url=$2 jopts=$3
  shift 3
  : > "$WORK/$name-webprobe"; : > "$WORK/$name-hey"; : > "$WORK/$name-wrk"
  for _ in $(seq "$RUNS"); do
    WEBPROBE_JAVA_OPTS="${WEBPROBE_JAVA_OPTS:-} $jopts" ./run.sh ping "$url" --count "$REQUESTS" \
      --concurrency "$CONC" --quiet --csv "$WORK/s.csv" "$@" > "$WORK/out.txt"
    python3 - "$WORK/s.csv" >> "$WORK/$name-webprobe" <<'PY'
import csv, sys
row = next(csv.DictReader(open(sys.argv[1])))
print(row["req_per_s"], row["p50_ms"], row["p99_ms"], row["sent"], row["failed"])
PY
    if command -v hey >/dev/null; then
      hey -n "$REQUESTS" -c "$CONC" ${HEY_ARGS:-} "$url" > "$WORK/hey.txt"
      python3 - "$WORK/hey.txt" >> "$WORK/$name-hey" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
p50 = float(re.search(r"50%+ in ([\d.]+) secs", t).group(1)) * 1000
p99 = float(re.search(r"99%+ in ([\d.]+) secs", t).group(1)) * 1000
print(rps, p50, p99, "-", "-")
PY
    fi
  done
  local wp_rps dur
  wp_rps=$(cut -d' ' -f1 "$WORK/$name-webprobe" | median)
  dur=$(python3 -c "print(max(3, round($REQUESTS / $wp_rps)))")
  if command -v wrk >/dev/null && [ -z "${NO_WRK:-}" ]; then
    for _ in $(seq "$RUNS"); do
      wrk -t2 -c"$CONC" -d"${dur}s" --latency "$url" > "$WORK/wrk.txt"
      python3 - "$WORK/wrk.txt" >> "$WORK/$name-wrk" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(v, unit):
    return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
p50 = ms(*re.search(r"50%\s+([\d.]+)(us|ms|s)", t).groups())
p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", t).groups())
print(rps, p50, p99, "-", "-")
PY
    done
  fi
  echo
  echo "$name: static 640-byte page on nginx ($NGINX_WORKERS worker(s)), loopback; $REQUESTS requests at concurrency $CONC; $RUNS runs, medians; $(nproc) cores; Webprobe JVM options: ${jopts:-as run.sh sets them}; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '| tool | req/s | p50 ms | p99 ms | Webprobe req/s ÷ tool |\n|---|---|---|---|---|\n'
  for t in webprobe hey wrk; do
    [ -s "$WORK/$name-$t" ] || continue
    local rps p50 p99
    rps=$(cut -d' ' -f1 "$WORK/$name-$t" | median)
    p50=$(cut -d' ' -f2 "$WORK/$name-$t" | median)
    p99=$(cut -d' ' -f3 "$WORK/$name-$t" | median)
    python3 -c "print(f'| $t | {$rps:,.0f} | {$p50:.2f} | {$p99:.2f} | {$wp_rps/$rps:.2f}x |')"
  done
  printf 'Webprobe runs (req/s): %s\n' "$(cut -d' ' -f1 "$WORK/$name-webprobe" | tr '\n' ' ')"
  [ -s "$WORK/$name-hey" ] && printf 'hey runs (req/s): %s\n' "$(cut -d' ' -f1 "$WORK/$name-hey" | tr '\n' ' ')"
  [ -s "$WORK/$name-wrk" ] && printf 'wrk runs (req/s): %s\n' "$(cut -d' ' -f1 "$WORK/$name-wrk" | tr '\n' ' ')"
  return 0
}

for c in $CASES; do
  case "$c" in
    http) bench_case http "http://127.0.0.1:$PORT/" "" ;;
    https) bench_case https "https://127.0.0.1:$TLS_PORT/" "$HTTPS_JAVA_OPTS" --cacert "$WORK/cert.pem" ;;
    https-jdk) bench_case https-jdk "https://127.0.0.1:$TLS_PORT/" "$HTTPS_JAVA_OPTS -Dwebprobe.tls=jdk" \
      --cacert "$WORK/cert.pem" ;;
    https-h2) HEY_ARGS=-h2 NO_WRK=1 bench_case https-h2 "https://127.0.0.1:$H2_PORT/" \
      "$HTTPS_JAVA_OPTS" --cacert "$WORK/cert.pem" --http2
      python3 -c "import csv; print('protocol:', next(csv.DictReader(open('$WORK/s.csv')))['protocol'])" ;;
    memory)
      # 10,000 distinct URLs (the same page, by query string), 10 requests each, small heap.
      python3 -c "
for i in range(10000): print('http://127.0.0.1:$PORT/?u=%d' % i)" > "$WORK/urls.txt"
      set +e
      WEBPROBE_JAVA_OPTS=-Xmx256m /usr/bin/time -v ./run.sh ping --file "$WORK/urls.txt" \
        --count 10 --concurrency "$CONC" --quiet --csv "$WORK/mem.csv" > "$WORK/mem.txt" 2> "$WORK/mem.err"
      code=$?
      set -e
      rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/mem.err")
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/mem.err")
      rows=$(($(wc -l < "$WORK/mem.csv") - 1))
      echo
      echo "memory: 10,000 URLs x 10 requests, concurrency $CONC, WEBPROBE_JAVA_OPTS=-Xmx256m"
      echo "exit $code, wall $wall, peak RSS $((rss / 1024)) MB, $rows URLs in the CSV"
      grep -E '^Sent ' "$WORK/mem.txt" || true
      grep -v 'Command being timed\|^\s' "$WORK/mem.err" | head -3 || true
      ;;
    *) echo "unknown case $c (http, https, https-jdk, https-h2, memory)" >&2; exit 2 ;;
  esac
done
