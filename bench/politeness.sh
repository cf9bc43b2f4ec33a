#!/usr/bin/env bash
# Politeness benchmark: how exactly each crawler keeps to a per-host request rate it was
# asked for. A generated site on nginx on loopback logs every request's arrival time (ms);
# each tool crawls it limited to RATE requests/s, and the script reports the rate the server
# actually saw, the gaps between arrivals, and the wall time.
#   bench/politeness.sh [PAGES] [RATE]      (defaults: 200 pages, 20 requests/s)
# Needs nginx (apt-get install nginx-light); wget and linkchecker are optional peers.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-200}
RATE=${2:-20}
command -v nginx >/dev/null || { echo "bench/politeness.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }
WORK=$(mktemp -d /tmp/webprobe-polite.XXXXXX)
chmod 755 "$WORK"
source bench/nginx.sh
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
python3 bench/make-site.py "$WORK/site" "$PAGES" "$BASE"
mkdir -p "$WORK/logs"
chmod 777 "$WORK/logs"
trap 'kill ${NGINX:-} 2>/dev/null; rm -rf "$WORK"' EXIT
start_nginx "$WORK" "$PORT" "$WORK/site" 1 \
  "log_format t '\$msec \$request_uri'; access_log $WORK/logs/access.log t; add_header LinkChecker unthrottled;"
./run.sh help >/dev/null
GAP=$(python3 -c "print(1/$RATE)")

run() { # name, command...
  local name=$1; shift
  : > "$WORK/logs/access.log"
  kill -USR1 "$NGINX" 2>/dev/null || true   # reopen the log
  local t0; t0=$(python3 -c 'import time; print(time.monotonic())')
  "$@" >/dev/null 2>&1 || true
  python3 -c "import time; print(time.monotonic() - $t0)" > "$WORK/$name.wall"
  cp "$WORK/logs/access.log" "$WORK/$name.log"
}
run webprobe ./run.sh crawl "$BASE/" --quiet --threads 8 --max-rps "$RATE" --no-external
if command -v wget >/dev/null; then
  run wget bash -c "cd '$WORK' && wget -q --spider -r -l inf -nd -e robots=off --wait=$GAP '$BASE/'"
fi
if command -v linkchecker >/dev/null; then
  printf '[checking]\nmaxrequestspersecond=%s\n' "$RATE" > "$WORK/linkcheckerrc"
  chmod 644 "$WORK/linkcheckerrc"
  run linkchecker linkchecker -f "$WORK/linkcheckerrc" --no-status --no-warnings -t 8 -o none "$BASE/"
fi
echo
echo "Site: $PAGES pages, nginx on loopback; asked for at most $RATE requests/s to the host ($(nproc) cores)"
printf '| tool | how it was asked | requests | wall s | rate seen (req/s) | min gap ms | median gap ms |\n|---|---|---|---|---|---|---|\n'
for t in webprobe wget linkchecker; do
  [ -f "$WORK/$t.log" ] || continue
  python3 - "$WORK/$t.log" "$(cat "$WORK/$t.wall")" "$t" "$RATE" "$GAP" <<'PY'
import statistics, sys
log, wall, name, rate, gap = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
times = sorted(float(l.split()[0]) for l in open(log) if l.strip())
how = {"webprobe": f"--max-rps {rate}", "wget": f"--wait={gap}",
       "linkchecker": f"maxrequestspersecond={rate}"}[name]
if len(times) < 2:
    print(f"| {name} | {how} | {len(times)} | {wall:.1f} | - | - | - |"); sys.exit()
gaps = [(b - a) * 1000 for a, b in zip(times, times[1:])]
seen = (len(times) - 1) / (times[-1] - times[0])
print(f"| {name} | {how} | {len(times)} | {wall:.1f} | {seen:.1f} | {min(gaps):.0f} | {statistics.median(gaps):.0f} |")
PY
done
