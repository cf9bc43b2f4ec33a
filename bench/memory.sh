#!/usr/bin/env bash
# Memory benchmark: the peak RSS and speed of a command-line crawl of a generated local site
# under several JVM heap and GC settings (run.sh's defaults are chosen from this).
#   bench/memory.sh [PAGES] ["OPTIONS;OPTIONS;..."]
#   (defaults: 20000 pages; the JVM's default heap, -Xmx512m, -Xmx1g, -Xmx1g with SerialGC)
# Needs nginx (apt-get install nginx-light) and JAVA_HOME at a JDK 21+ (or java 21+ on the PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-20000}
SETS=${2:-"-Dnone=1;-Xmx512m;-Xmx1g;-Xmx1g -XX:+UseSerialGC"}
command -v nginx >/dev/null || { echo "bench/memory.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }

WORK=$(mktemp -d /tmp/webprobe-memory.XXXXXX)
chmod 755 "$WORK"
source bench/nginx.sh
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
python3 bench/make-site.py "$WORK/site" "$PAGES" "$BASE" >/dev/null
trap 'kill ${NGINX:-} 2>/dev/null; rm -rf "$WORK"' EXIT
start_nginx "$WORK" "$PORT" "$WORK/site" 1 "access_log off;"
./run.sh help >/dev/null   # finds the JDK and builds the jar if needed
JAR=$(ls target/webprobe-*-all.jar | head -1)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
v=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${v%%.*}" -ge 21 ] 2>/dev/null || { echo "bench/memory.sh needs Java 21+: set JAVA_HOME to it." >&2; exit 2; }

IFS=';' read -r -a sets <<< "$SETS"
printf '| JVM options | peak RSS MB | wall s | pages/s |\n|---|---|---|---|\n'
for opts in "${sets[@]}"; do
  # shellcheck disable=SC2086
  /usr/bin/time -f '%M %e' -o "$WORK/time" "$JAVA" --enable-native-access=ALL-UNNAMED $opts \
    -jar "$JAR" crawl "$BASE/" --quiet > "$WORK/out" 2>/dev/null || true
  read -r rss wall < <(tail -1 "$WORK/time")
  rate=$(grep -o '([0-9.,]* pages/s)' "$WORK/out" | tr -d '(),' | cut -d' ' -f1)
  printf '| `%s` | %d | %s | %s |\n' "$opts" $((rss / 1024)) "$wall" "$rate"
done
