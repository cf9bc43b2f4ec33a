#!/usr/bin/env bash
# Small sites, where users start: Debian's HTML documentation served by nginx inside a network
# namespace that has only loopback (no public host can be reached, whatever the pages link
# to), crawled by Webprobe with its defaults (external links checked) and by wget --spider -r,
# in turn, RUNS times each. Prints each tool's median wall time per site and the target
# max(1.5 x wget, 1.5 s).
#   bench/smallsites.sh [RUNS]   (default 5)
# Needs root (unshare -n), nginx (apt-get install nginx-light), wget and the doc packages:
#   apt-get install postgresql-doc python-django-doc git-doc python3-doc
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
command -v nginx >/dev/null || { echo "bench/smallsites.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }
./run.sh help >/dev/null   # build the jar outside the namespace
WORK=$(mktemp -d /tmp/webprobe-small.XXXXXX)
chmod 755 "$WORK"
export WORK RUNS
unshare -n bash -c '
set -euo pipefail
ip link set lo up
source bench/nginx.sh
declare -A ROOTS=(
  [postgresql]=/usr/share/doc/postgresql-doc-15/html
  [django]=/usr/share/doc/python-django-doc/html
  [git]=/usr/share/doc/git-doc
  [python3]=/usr/share/doc/python3-doc/html
)
PORT=18100
PIDS=()
trap "kill \${PIDS[*]} 2>/dev/null" EXIT
for site in postgresql django git python3; do
  [ -d "${ROOTS[$site]}" ] || { echo "$site: ${ROOTS[$site]} not installed, skipped" >&2; continue; }
  PORT=$((PORT + 1))
  start_nginx "$WORK/$site" "$PORT" "${ROOTS[$site]}" 2 "access_log off;"
  PIDS+=("$NGINX")
  echo "$site $PORT" >> "$WORK/sites"
done
t() { local s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
while read -r site port; do
  url="http://127.0.0.1:$port/index.html"
  for i in $(seq 0 "$RUNS"); do   # run 0 warms the disk cache and is not counted
    w=$(t ./run.sh crawl "$url" --quiet --csv "$WORK/$site.csv")
    g=$(t wget --spider -r -l inf -nd -np -q -P "$WORK/wget-$site" "$url")
    [ "$i" -gt 0 ] && echo "$site $w $g" >> "$WORK/times"
  done
done < "$WORK/sites"
'
python3 - "$WORK" <<'PY'
import csv, statistics, sys
work = sys.argv[1]
rows = {}
for line in open(f"{work}/times"):
    site, w, g = line.split()
    rows.setdefault(site, []).append((int(w), int(g)))
print(f"{'site':<11} {'URLs':>6} {'Webprobe s':>10} {'wget s':>7} {'target s':>8}  result")
for site, pairs in rows.items():
    w = statistics.median(p[0] for p in pairs) / 1000
    g = statistics.median(p[1] for p in pairs) / 1000
    target = max(1.5 * g, 1.5)
    n = sum(1 for _ in csv.reader(open(f"{work}/{site}.csv", encoding="utf-8"))) - 1
    print(f"{site:<11} {n:>6} {w:>10.2f} {g:>7.2f} {target:>8.2f}  {'met' if w <= target else 'NOT met'}")
PY
echo "(medians of $RUNS runs each, in turn; kept in $WORK)"
