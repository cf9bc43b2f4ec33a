#!/usr/bin/env bash
# GUI stall benchmark: a generated site served by nginx on loopback, crawled by the desktop
# app's real main window (headless Monocle; HEADFUL=1 and a DISPLAY for a real X window) while
# every FX pulse is timed, and by the command line in the same run. Prints the longest gap
# between two pulses ("longest FX stall: N ms") and pages/s for both.
#   bench/gui-stall.sh [PAGES] [RUNS]        (defaults: 20000 pages, 1 run each)
# The window runs with run.sh's window options (jvm_options and window_options) unless GUI_JAVA_OPTS says
# otherwise (e.g. GUI_JAVA_OPTS=-Xmx1g for C2 too); MODES picks the modes.
# Needs nginx (apt-get install nginx-light). Pulse logging: PULSE_LOG=1 adds JavaFX's own
# pulse logger (every pulse over 50 ms with its phases). "beside-cli" is the floor: the window
# idle while the command line crawls in another process (CPU contention alone).
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-20000}
RUNS=${2:-1}
command -v nginx >/dev/null || { echo "bench/gui-stall.sh needs nginx: apt-get install nginx-light" >&2; exit 2; }

WORK=$(mktemp -d /tmp/webprobe-gui-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as another user
source bench/nginx.sh
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
python3 bench/make-site.py "$WORK/site" "$PAGES" "$BASE" >/dev/null
trap 'kill ${NGINX:-} 2>/dev/null; rm -rf "$WORK"' EXIT
start_nginx "$WORK" "$PORT" "$WORK/site" 2 "access_log off;"

./run.sh help >/dev/null   # builds the jar (and finds the JDK) before timing
# the JDK run.sh would use (a java on the PATH may be older than 21)
source <(sed -n '/^java_major()/,/^}/p;/^why_not()/,/^}/p;/^find_jdk()/,/^}/p' run.sh)
JAVA_HOME=$(find_jdk)
./mvnw -q -B -o test-compile >/dev/null 2>&1 || ./mvnw -q -B test-compile >/dev/null
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
JAVA="$JAVA_HOME/bin/java"
FX=(-Dprism.order=sw -Dprism.text=t2k)
if [ "${HEADFUL:-0}" != 1 ]; then
  FX+=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dtestfx.headless=true)
fi
[ "${PULSE_LOG:-0}" = 1 ] && FX+=(-Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=50)

echo "Site: $PAGES pages (+ assets), nginx on loopback, $(nproc) cores, JDK $("$JAVA" -version 2>&1 | head -1)"
for run in $(seq "$RUNS"); do
  echo "== run $run"
  # the command line, as a user runs it
  ./run.sh crawl "$BASE/" --quiet | grep -o 'Crawled .*' | sed 's/^/headless: /' || true
  for mode in ${MODES:-plain sorted beside-cli}; do
    # shellcheck disable=SC2086
    "$JAVA" --enable-native-access=ALL-UNNAMED ${GUI_JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1 $(bash -c 'source <(sed -n "/^priority_options()/,/^}/p;/^window_options()/,/^}/p" run.sh); window_options')} "${FX[@]}" -cp "$CP" \
      io.webprobe.bench.GuiStallBench "$BASE/" "$mode" > "$WORK/gui.out" 2>&1 || true
    grep -E '^(GUI|longest|idle|in the worst|gap sample|threads over|gap thread)' "$WORK/gui.out" \
      | sed "s/^/gui ($mode): /" || { echo "gui ($mode): no figures; its last lines:"; tail -5 "$WORK/gui.out"; }
  done
done
