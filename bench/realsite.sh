#!/usr/bin/env bash
# Real-site check: crawls a local copy of a large documentation site served by nginx on
# loopback, inside a network namespace with only loopback (no public host can be reached,
# whatever the pages link to), and compares what was found with the HTML files on disk.
#   bench/realsite.sh [DOC_ROOT] [RUNS]   (default: /usr/share/doc/openjdk-17-doc, the JDK
#   javadoc; RUNS > 0 also times Webprobe and wget --spider -r in turn, RUNS times each, with
#   ./run.sh's defaults, and prints the medians and peak RSS)
# Needs root (unshare -n), nginx (apt-get install nginx-light) and the doc package
# (apt-get install openjdk-17-doc).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=${1:-/usr/share/doc/openjdk-17-doc}
RUNS=${2:-0}
[ -d "$ROOT" ] || { echo "bench/realsite.sh: $ROOT not found (apt-get install openjdk-17-doc)" >&2; exit 2; }
command -v nginx >/dev/null || { echo "bench/realsite.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }
./run.sh help >/dev/null   # build the jar outside the namespace
WORK=$(mktemp -d /tmp/webprobe-realsite.XXXXXX)
chmod 755 "$WORK"
export WORK ROOT RUNS
unshare -n bash -c '
set -euo pipefail
ip link set lo up
PORT=18080
source bench/nginx.sh
trap "kill \${NGINX:-} 2>/dev/null" EXIT
start_nginx "$WORK" "$PORT" "$ROOT" 2 "access_log off;"
START=$(date +%s.%N)
set +e
/usr/bin/time -f "%M" -o "$WORK/rss" ./run.sh crawl "http://127.0.0.1:$PORT/api/index.html" \
    --threads 8 --no-external --quiet --csv "$WORK/pages.csv" --broken-csv "$WORK/broken.csv" > "$WORK/summary.txt"
echo $? > "$WORK/exit"
set -e
END=$(date +%s.%N)
echo "$START $END" > "$WORK/times"
# the same crawl with ./run.sh defaults, and wget, in turn: wall seconds and peak RSS (KB)
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "webprobe %e %M" -a -o "$WORK/race" ./run.sh crawl \
      "http://127.0.0.1:$PORT/api/index.html" --no-external --quiet > /dev/null 2>&1 || true
  /usr/bin/time -f "wget %e %M" -a -o "$WORK/race" wget --spider -r -l inf -nd -q \
      -P "$WORK/wget" "http://127.0.0.1:$PORT/api/index.html" > /dev/null 2>&1 || true
done
'
python3 - "$WORK" "$ROOT" <<'PY'
import csv, os, sys, urllib.parse
work, root = sys.argv[1], sys.argv[2]
start, end = map(float, open(f"{work}/times").read().split())
rows = list(csv.DictReader(open(f"{work}/pages.csv", encoding="utf-8")))
ok_paths = set()
for r in rows:
    p = urllib.parse.urlsplit(r["url"]).path
    if r["status"] == "200":
        ok_paths.add(urllib.parse.unquote(p))
html = set()
for d, _, files in os.walk(os.path.join(root, "api"), followlinks=True):
    for f in files:
        if f.endswith(".html"):
            html.add("/" + os.path.relpath(os.path.join(d, f), root))
missing = sorted(html - ok_paths)
broken = list(csv.DictReader(open(f"{work}/broken.csv", encoding="utf-8")))
print(open(f"{work}/summary.txt").read().strip())
print(f"exit code {open(f'{work}/exit').read().strip()}, wall {end-start:.1f} s, max RSS {int(open(f'{work}/rss').read().split()[-1])//1024} MB")
print(f"URLs in the CSV: {len(rows)}; HTML files under api/: {len(html)}; found with 200: {len(html)-len(missing)}; not found: {len(missing)}")
for m in missing[:20]:
    print("  not found:", m)
targets = sorted({b["link_url"] for b in broken})
print(f"broken links: {len(broken)} to {len(targets)} URLs")
if os.path.exists(f"{work}/race"):
    import statistics
    race = {}
    for line in open(f"{work}/race"):
        parts = line.split()
        if len(parts) == 3 and parts[0] in ("webprobe", "wget"):
            race.setdefault(parts[0], []).append((float(parts[1]), int(parts[2])))
    if len(race) == 2:
        w = statistics.median(t for t, _ in race["webprobe"])
        g = statistics.median(t for t, _ in race["wget"])
        wr = statistics.median(r for _, r in race["webprobe"]) // 1024
        gr = statistics.median(r for _, r in race["wget"]) // 1024
        print(f"race ({len(race['webprobe'])} runs each, medians, ./run.sh defaults): Webprobe "
              f"{w:.1f} s, peak RSS {wr} MB; wget {g:.1f} s, peak RSS {gr} MB; Webprobe's pages/s "
              f"are {g / w:.2f}x wget's")
for t in targets[:60]:
    p = urllib.parse.unquote(urllib.parse.urlsplit(t).path)
    exists = os.path.exists(root + p)
    print(f"  {t}  (file on disk: {'YES - FALSE POSITIVE' if exists else 'no'})")
PY
rm -rf "$WORK"
