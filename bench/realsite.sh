#!/usr/bin/env bash
# Real-site check: crawls a local copy of a large documentation site served by nginx on
# loopback, inside a network namespace with only loopback (no public host can be reached,
# whatever the pages link to), and compares what was found with the HTML files on disk.
#   bench/realsite.sh [DOC_ROOT]    (default: /usr/share/doc/openjdk-17-doc, the JDK javadoc)
# Needs root (unshare -n), nginx (apt-get install nginx-light) and the doc package
# (apt-get install openjdk-17-doc).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=${1:-/usr/share/doc/openjdk-17-doc}
[ -d "$ROOT" ] || { echo "bench/realsite.sh: $ROOT not found (apt-get install openjdk-17-doc)" >&2; exit 2; }
command -v nginx >/dev/null || { echo "bench/realsite.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }
./run.sh help >/dev/null   # build the jar outside the namespace
WORK=$(mktemp -d /tmp/webprobe-realsite.XXXXXX)
chmod 755 "$WORK"
export WORK ROOT
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
for t in targets[:60]:
    p = urllib.parse.unquote(urllib.parse.urlsplit(t).path)
    exists = os.path.exists(root + p)
    print(f"  {t}  (file on disk: {'YES - FALSE POSITIVE' if exists else 'no'})")
PY
rm -rf "$WORK"
