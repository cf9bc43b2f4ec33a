#!/usr/bin/env bash
# Large and odd pages: does a command-line crawl with ./run.sh's defaults (-Xmx160m) get
# through pages of megabytes of NUL bytes, compression bombs, endless text runs, unclosed links
# and, with a raised --max-size, eight 60 MB pages at once? Prints exit code, peak RSS and wall
# time per case (docs/benchmarks.md, "Large and odd pages").
#   bench/large-pages.sh [CASE_FILTER]   (a grep pattern over the case names; default: all)
# Needs python3 and /usr/bin/time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
FILTER=${1:-.}
[ -x /usr/bin/time ] || { echo "bench/large-pages.sh needs /usr/bin/time: apt-get install time" >&2; exit 2; }
source bench/nginx.sh   # free_port
WORK=$(mktemp -d /tmp/webprobe-large.XXXXXX)
PORT=$(free_port)
python3 bench/large-pages.py "$PORT" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
B="http://127.0.0.1:$PORT"
for _ in $(seq 50); do curl -fso /dev/null "$B/a/1" && break; sleep 0.1; done
# builds the jar and its start-up cache if needed, so that no case measures them
./run.sh crawl "$B/small" --quiet >/dev/null 2>&1

# name|start URL|options
CASES="one page of 11 MB of NUL bytes|$B/nul/1|
a gzip bomb of NUL bytes (12 MB)|$B/gznul/1?mb=12|
a gzip bomb of 'a' (1 GB)|$B/gza/1|
a link and 50 MB of 'y', --max-size 60MB|$B/y/1?mb=50|--max-size 60MB
8 x 11 MB of NUL bytes|$B/nul|
8 x gzip bombs of NUL bytes|$B/gznul/8?mb=12|
8 x one 11 MB word|$B/a|
8 x 11 MB of text in a pre|$B/words|
8 x an 11 MB attribute value|$B/attr|
8 x an 11 MB comment|$B/comment|
8 x an 11 MB script|$B/script|
8 x an unclosed link around 11 MB|$B/anchor|
8 x 11 MB of dense markup|$B/dense|
8 x 11 MB stylesheets|$B/css|
16 x 30 MB of dense markup, --max-size 40MB|$B/dense/16?mb=30|--max-size 40MB
8 x 60 MB of dense markup, --max-size 60MB|$B/dense/8?mb=60|--max-size 60MB
8 x 60 MB of 'y', --max-size 60MB|$B/y/8?mb=60|--max-size 60MB
8 x 60 MB stylesheets, --max-size 60MB|$B/css/8?mb=60|--max-size 60MB"

printf '| case | exit | peak RSS MB | wall s | URLs |\n|---|---|---|---|---|\n'
while IFS='|' read -r name url opts; do
  echo "$name" | grep -q -- "$FILTER" || continue
  code=0
  # shellcheck disable=SC2086
  /usr/bin/time -f '%M %e' -o "$WORK/time" ./run.sh crawl "$url" $opts --quiet \
    > "$WORK/out" 2> "$WORK/err" || code=$?
  read -r rss wall < <(tail -1 "$WORK/time")
  urls=$(grep -o '^Crawled [0-9,]* URL' "$WORK/out" | grep -o '[0-9,]*' || echo -)
  printf '| %s | %d | %d | %s | %s |\n' "$name" "$code" $((rss / 1024)) "$wall" "$urls"
done <<< "$CASES"
