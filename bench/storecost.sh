#!/usr/bin/env bash
# What the crawl file costs: the same crawl of a site on nginx, with the store and with
# writes discarded, in turn, RUNS times each; prints each one's median pages/s (the crawl's
# own, JVM start left out) and the ratio.
#   bench/storecost.sh [PAGES|FOLDER] [RUNS] [RATE]   (default 20000 pages, 5 runs, no rate
#   limit). PAGES: a generated site of that many tiny pages, each with 20 links to random
#   pages (the file's worst case: little parsing per page, every link to a different page).
#   FOLDER: a real site's copy served as it is, from STORECOST_START (default /), e.g.
#   STORECOST_START=/api/index.html bench/storecost.sh /usr/share/doc/openjdk-17-doc
#   RATE holds both crawls to a least gap of 1/RATE s between requests, as a site over a
#   network would; STORECOST_JAVA_OPTS replaces the JVM options, by default those of
#   ./run.sh crawl. External links are not checked.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-20000}
RUNS=${2:-5}
RATE=${3:-}
# a command-line crawl's JVM (run.sh: C1 only, the serial collector, 160 MB, the workers at
# nice 10 on Linux) unless told
JAVA_OPTS=${STORECOST_JAVA_OPTS:--XX:TieredStopAtLevel=1 $(bash -c 'source <(sed -n "/^priority_options()/,/^}/p;/^crawl_options()/,/^}/p" run.sh); crawl_options' | tr '\n' ' ')}
source bench/nginx.sh
./run.sh help >/dev/null
./mvnw -q -B -o test-compile >/dev/null 2>&1 || ./mvnw -q -B test-compile >/dev/null
WORK=$(mktemp -d /tmp/webprobe-storecost.XXXXXX)
PORT=$(free_port)
if [ -d "$PAGES" ]; then
  SITE=$PAGES
  chmod a+rx "$WORK"
else
  SITE=$WORK/www
  python3 bench/make-site.py "$SITE" "$PAGES" "http://127.0.0.1:$PORT" >/dev/null
  chmod -R a+rX "$WORK"
fi
START=${STORECOST_START:-/}
start_nginx "$WORK" "$PORT" "$SITE" 2 "access_log off;"
trap 'kill ${NGINX:-} 2>/dev/null; rm -rf "$WORK"' EXIT
# the JDK run.sh would use
source <(sed -n '/^java_major()/,/^}/p;/^why_not()/,/^}/p;/^find_jdk()/,/^}/p' run.sh)
JAVA="$(find_jdk)/bin/java"
CP="target/webprobe-$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)-all.jar:target/test-classes"
for i in $(seq 0 "$RUNS"); do   # run 0 warms the disk cache and is not counted
  for mode in store discard; do
    # shellcheck disable=SC2086
    line=$("$JAVA" --enable-native-access=ALL-UNNAMED $JAVA_OPTS -cp "$CP" \
        io.webprobe.bench.StoreCost "http://127.0.0.1:$PORT$START" "$mode" 8 $RATE 2>/dev/null | tail -1)
    [ "$i" -gt 0 ] && echo "$line" >> "$WORK/runs"
  done
done
python3 - "$WORK/runs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
rate = {m: statistics.median(float(r[3]) for r in rows if r[0] == m) for m in ("store", "discard")}
urls = rows[0][1]
print(f"{urls} URLs; pages/s with the store {rate['store']:.0f}, writes discarded {rate['discard']:.0f}: "
      f"the store costs {100 * (1 - rate['store'] / rate['discard']):.1f} % (medians of {len(rows)//2} runs)")
PY
