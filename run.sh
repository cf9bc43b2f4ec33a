#!/usr/bin/env bash
# Webprobe: build, test and run. See README.md.
#   ./run.sh                 open the desktop app (builds first if sources changed)
#   ./run.sh test            run every test, headless
#   ./run.sh crawl URL ...   crawl a site from the command line
#   ./run.sh help            usage
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)

java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for d in /usr/lib/jvm/*/; do candidates+=("${d%/}"); done
  local c v
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(java_major "$c/bin/java")
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "Webprobe needs a JDK 21 or newer: install one (for example 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
  exit 2
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
JAR="$here/target/webprobe-0.1.0-all.jar"

build_if_needed() {
  # only what goes into the jar counts: editing a test must not rebuild on every run
  if [ ! -f "$JAR" ] || [ -n "$(find src/main icons pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    echo "Building Webprobe (first run takes a minute)..." >&2
    if ! ./mvnw -q -B -DskipTests package > target-build.log 2>&1; then
      cat target-build.log >&2
      echo "The build failed; the Maven output is above." >&2
      exit 2
    fi
    rm -f target-build.log
    touch "$JAR"   # Maven leaves an up-to-date jar alone; mark it checked
  fi
}

run_java() {
  local opts=(--enable-native-access=ALL-UNNAMED)
  # JDK 24+ warns about JavaFX's use of sun.misc.Unsafe; the flag does not exist before 23.
  [ "$(java_major "$JAVA" | cut -d. -f1)" -ge 23 ] && opts+=(--sun-misc-unsafe-memory-access=allow)
  [ -t 2 ] && opts+=(-Dwebprobe.stderrTerminal=true)
  # The ping engine is I/O-bound: C2's compile time on short runs costs more CPU than its
  # faster code saves, CPU taken from the server being measured (docs/decisions/0004).
  [ "${1:-}" = ping ] && opts+=(-XX:TieredStopAtLevel=1)
  # shellcheck disable=SC2086
  exec "$JAVA" "${opts[@]}" ${WEBPROBE_JAVA_OPTS:-} -jar "$JAR" "$@"
}

usage() {
  cat <<'USAGE'
Usage: ./run.sh [command] [args]

  (no command)          open the Webprobe desktop app
  test                  run the whole test suite headless (./mvnw verify)
  crawl URL [options]   crawl a site headless; ./run.sh crawl --help for options
  help                  show this help

Environment: JAVA_HOME (a JDK 21+; found automatically if unset),
WEBPROBE_JAVA_OPTS (extra JVM options, e.g. -Xmx2g).
USAGE
}

cmd="${1:-gui}"
case "$cmd" in
  gui) build_if_needed; run_java ;;
  test) shift; exec ./mvnw -B verify "$@" ;;
  crawl|ping) build_if_needed; run_java "$@" ;;
  help|-h|--help) usage ;;
  *) echo "Unknown command '$cmd'. Run './run.sh help' for usage." >&2; exit 2 ;;
esac
