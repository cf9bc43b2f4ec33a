#!/usr/bin/env bash
# Crawl benchmark: a generated static site served by nginx on loopback, crawled by Webprobe
# and, when installed, by wget --spider and linkchecker, in the same run. Also checks that
# Webprobe found every page and every broken link with its source.
#   bench/crawl.sh [PAGES] [RUNS]      (defaults: 3000 pages, 3 runs each; medians reported)
# Needs nginx (apt-get install nginx-light); wget and linkchecker are optional peers.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-3000}
RUNS=${2:-3}
THREADS=${THREADS:-8}
command -v nginx >/dev/null || { echo "bench/crawl.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }

WORK=$(mktemp -d /tmp/webprobe-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as another user
source bench/nginx.sh
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
python3 bench/make-site.py "$WORK/site" "$PAGES" "$BASE"
trap 'kill ${NGINX:-} 2>/dev/null; rm -rf "$WORK"' EXIT
# linkchecker throttles itself to 10 requests/s per host unless the server sends this header
start_nginx "$WORK" "$PORT" "$WORK/site" 2 "access_log off; add_header LinkChecker unthrottled;"

./run.sh help >/dev/null   # make sure the jar is built before timing
./run.sh crawl "$BASE/" --quiet --max-pages 1 >/dev/null 2>&1 || true

now() { python3 -c 'import time; print(time.monotonic())'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { # name, command...
  local name=$1; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0; t0=$(now)
    "$@" >/dev/null 2>&1 || true
    times+=("$(python3 -c "print($(now) - $t0)")")
  done
  printf '%s\n' "${times[@]}" | median > "$WORK/$name.time"
}

URLS=$(wc -l < "$WORK/expected-pages.txt")
timeit webprobe ./run.sh crawl "$BASE/" --quiet --threads "$THREADS" \
  --csv "$WORK/pages.csv" --broken-csv "$WORK/broken.csv"
python3 - "$WORK" "$BASE" <<'PY'
import csv, sys
work, base = sys.argv[1], sys.argv[2]
expected = {base + p.strip() for p in open(f"{work}/expected-pages.txt") if p.strip()}
got = [r["url"] for r in csv.DictReader(open(f"{work}/pages.csv", encoding="utf-8"))]
exp_broken = {(base + l.split(",")[0], base + l.split(",")[1].strip())
              for l in open(f"{work}/expected-broken.csv") if l.strip()}
got_broken = {(r["link_url"], r["source_url"])
              for r in csv.DictReader(open(f"{work}/broken.csv", encoding="utf-8"))}
ok = len(got) == len(set(got)) and set(got) == expected and got_broken == exp_broken
print(f"check: {len(set(got))}/{len(expected)} URLs, {len(got)-len(set(got))} duplicates, "
      f"{len(got_broken)}/{len(exp_broken)} broken links with source -> {'OK' if ok else 'MISMATCH'}")
if not ok:
    print("missing:", sorted(expected - set(got))[:5], "extra:", sorted(set(got) - expected)[:5])
    print("broken missing:", sorted(exp_broken - got_broken)[:5], "extra:", sorted(got_broken - exp_broken)[:5])
    sys.exit(1)
PY
if command -v wget >/dev/null; then
  timeit wget bash -c "cd '$WORK' && wget -q --spider -r -l inf -nd -e robots=off '$BASE/'"
fi
if command -v linkchecker >/dev/null; then
  printf '[checking]\nmaxrequestspersecond=1000\n' > "$WORK/linkcheckerrc"
  chmod 644 "$WORK/linkcheckerrc"
  timeit linkchecker linkchecker -f "$WORK/linkcheckerrc" --no-status --no-warnings \
    -t "$THREADS" -o none "$BASE/"
fi

wp=$(cat "$WORK/webprobe.time")
echo
echo "Site: $PAGES pages + assets = $URLS URLs, nginx on loopback; $RUNS runs each, median wall time; $(nproc) cores"
printf '| tool | threads | median s | URLs/s | Webprobe speed-up |\n|---|---|---|---|---|\n'
for t in webprobe wget linkchecker; do
  [ -f "$WORK/$t.time" ] || continue
  s=$(cat "$WORK/$t.time")
  th=$THREADS; [ "$t" = wget ] && th=1
  python3 -c "print(f'| $t | $th | {$s:.2f} | {$URLS/$s:,.0f} | {$s/$wp:.1f}x |')"
done
