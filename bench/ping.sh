#!/usr/bin/env bash
# Ping benchmark: a static page served by nginx on loopback, hit by Webprobe's ping, hey and
# wrk (those two when installed: apt-get install hey wrk) in the same run.
#   bench/ping.sh [REQUESTS] [CONCURRENCY] [RUNS]   (defaults: 20000 50 3; medians reported)
# wrk has no request count, so it runs for as long as Webprobe's median run took (at least 3 s).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-20000}
CONC=${2:-50}
RUNS=${3:-3}
command -v nginx >/dev/null || { echo "bench/ping.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }

WORK=$(mktemp -d /tmp/webprobe-pingbench.XXXXXX)
chmod 755 "$WORK"
source bench/nginx.sh
PORT=$(free_port)
URL="http://127.0.0.1:$PORT/"
mkdir -p "$WORK/site"
python3 -c "print('<!doctype html><title>bench</title>' + 'x' * 600)" > "$WORK/site/index.html"
trap 'kill ${NGINX:-} 2>/dev/null; rm -rf "$WORK"' EXIT
start_nginx "$WORK" "$PORT" "$WORK/site" 1 "access_log off; keepalive_requests 1000000;"
./run.sh ping "$URL" --count 100 --quiet >/dev/null   # build the jar before timing

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > "$WORK/webprobe"; : > "$WORK/hey"; : > "$WORK/wrk"
for _ in $(seq "$RUNS"); do
  ./run.sh ping "$URL" --count "$REQUESTS" --concurrency "$CONC" --quiet --csv "$WORK/s.csv" > "$WORK/out.txt"
  python3 - "$WORK/s.csv" "$WORK/out.txt" >> "$WORK/webprobe" <<'PY'
import csv, re, sys
row = next(csv.DictReader(open(sys.argv[1])))
secs = re.search(r"in (\d+):(\d+):(\d+)", open(sys.argv[2]).read())
print(row["req_per_s"], row["p50_ms"], row["p99_ms"], row["sent"], row["failed"])
PY
  if command -v hey >/dev/null; then
    hey -n "$REQUESTS" -c "$CONC" "$URL" > "$WORK/hey.txt"
    python3 - "$WORK/hey.txt" >> "$WORK/hey" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
p50 = float(re.search(r"50%+ in ([\d.]+) secs", t).group(1)) * 1000
p99 = float(re.search(r"99%+ in ([\d.]+) secs", t).group(1)) * 1000
print(rps, p50, p99, "-", "-")
PY
  fi
done
WP_RPS=$(cut -d' ' -f1 "$WORK/webprobe" | median)
DUR=$(python3 -c "print(max(3, round($REQUESTS / $WP_RPS)))")
if command -v wrk >/dev/null; then
  for _ in $(seq "$RUNS"); do
    wrk -t2 -c"$CONC" -d"${DUR}s" --latency "$URL" > "$WORK/wrk.txt"
    python3 - "$WORK/wrk.txt" >> "$WORK/wrk" <<'PY'
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

echo "Static 640-byte page on nginx (1 worker), loopback; $REQUESTS requests at concurrency $CONC; $RUNS runs, medians; $(nproc) cores"
printf '| tool | req/s | p50 ms | p99 ms | Webprobe req/s ÷ tool |\n|---|---|---|---|---|\n'
for t in webprobe hey wrk; do
  [ -s "$WORK/$t" ] || continue
  rps=$(cut -d' ' -f1 "$WORK/$t" | median)
  p50=$(cut -d' ' -f2 "$WORK/$t" | median)
  p99=$(cut -d' ' -f3 "$WORK/$t" | median)
  python3 -c "print(f'| $t | {$rps:,.0f} | {$p50:.2f} | {$p99:.2f} | {$WP_RPS/$rps:.2f}x |')"
done
