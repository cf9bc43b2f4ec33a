#!/usr/bin/env bash
# Webprobe: build, test, run and package. See README.md.
#   ./run.sh                 open the desktop app (builds first if sources changed)
#   ./run.sh test            run every test, headless
#   ./run.sh crawl URL ...   crawl a site from the command line
#   ./run.sh ping URL ...    measure how fast URLs answer
#   ./run.sh export FILE ... write the CSVs of a stored crawl
#   ./run.sh compare A B     compare two stored crawls
#   ./run.sh package         build the app image, the .deb and the fat jar (target/dist/)
#   ./run.sh help            usage
#   ./run.sh --version       the version
set -euo pipefail
# Standard streams started closed (<&-, >&-, 2>&-) are opened on /dev/null before anything
# else opens a file, which would take their number: Java put its own lib/modules on a closed
# standard input, and ping --file - read it as 2,600 URLs. Java is told which were closed
# (-Dwebprobe.closedStreams), so --file - and --csv - are refused instead of reading or
# writing nothing. (A closed stderr may already hold this script, opened by bash.)
closed_streams=""
if ! true 3>&2 || [ /dev/fd/2 -ef "$0" ]; then exec 2>/dev/null; closed_streams=stderr; fi
{ true 3<&0; } 2>/dev/null || { exec 0</dev/null; closed_streams+=${closed_streams:+,}stdin; }
{ true 3>&1; } 2>/dev/null || { exec 1>/dev/null; closed_streams+=${closed_streams:+,}stdout; }
# the folder run.sh was started from: the commands' relative paths (--db, --csv, export FILE)
# are the user's, so Java runs there; the build runs in the checkout
caller=$PWD
# (from a folder since removed bash warns on any cd: check_caller_folder says it once)
cd "$(dirname "$0")" 2>/dev/null || cd "$(dirname "$0")"
here=$(pwd)

java_major() { # prints the feature version of the java binary given, or nothing
  # the JDK's release file says it without starting a JVM (a start costs ~0.2 s); ask the JVM
  # only when there is none
  local release
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -1
    return 0
  fi
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# why_not JDK_DIR: why a folder is not a usable JDK 21+, as the end of a sentence starting
# "JAVA_HOME points at" (nothing when it is one)
why_not() {
  local d=$1 v
  if [ ! -e "$d" ]; then echo "$d, which does not exist"; return; fi
  if [ ! -x "$d/bin/java" ]; then echo "$d, which has no bin/java"; return; fi
  v=$(java_major "$d/bin/java")
  if [ -z "$v" ]; then echo "$d, whose java does not start"; return; fi
  if [ "$v" -lt 21 ] 2>/dev/null; then echo "Java $v, but Webprobe needs 21 or newer"; return; fi
  if [ ! -x "$d/bin/javac" ]; then echo "a Java $v runtime without javac, but Webprobe needs a JDK to build"; return; fi
}

# find_jdk: prints the first JDK 21+ among JAVA_HOME, java on the PATH, and the folders in
# WEBPROBE_JDK_DIRS (default /usr/lib/jvm); says in one line why JAVA_HOME was passed over.
find_jdk() {
  local candidates=() c problem="" dirs d
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  IFS=: read -r -a dirs <<< "${WEBPROBE_JDK_DIRS:-/usr/lib/jvm}"
  for d in "${dirs[@]}"; do
    for c in "$d"/*/; do [ -d "$c" ] && candidates+=("${c%/}"); done
  done
  if [ -n "${JAVA_HOME:-}" ]; then
    problem=$(why_not "$JAVA_HOME")
    if [ -z "$problem" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for c in "${candidates[@]}"; do
    if [ -z "$(why_not "$c")" ]; then
      [ -n "$problem" ] && echo "webprobe: note: JAVA_HOME points at $problem; using $c instead." >&2
      echo "$c"; return 0
    fi
  done
  if [ -n "$problem" ]; then
    echo "webprobe: JAVA_HOME points at $problem: install a JDK 21 or newer (for example 'apt-get install openjdk-21-jdk') and set JAVA_HOME to it." >&2
  else
    echo "webprobe: Webprobe needs a JDK 21 or newer: install one (for example 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
  fi
  return 1
}

# shellcheck source=packaging/java-options.sh
. "$here/packaging/java-options.sh"

JAVA_HOME=$(find_jdk) || exit 2
JAVA_HOME=$(cd "$JAVA_HOME" && pwd)   # absolute: Java runs from the caller's folder
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
JAR="$here/target/webprobe-$VERSION-all.jar"

build_if_needed() {
  # only what goes into the jar counts: editing a test must not rebuild on every run
  if [ ! -f "$JAR" ] || [ -n "$(find src/main icons pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    if ! mkdir -p target 2>/dev/null || [ ! -w target ]; then
      echo "webprobe: Webprobe needs building, but $here/target cannot be written by $(id -un): run ./run.sh once as the owner of $here, or use a copy of your own." >&2
      exit 2
    fi
    echo "Building Webprobe (first run takes a minute)..." >&2
    if ! ./mvnw -q -B -DskipTests package > target/build.log 2>&1; then
      cat target/build.log >&2
      echo "webprobe: The build failed; the Maven output is above." >&2
      exit 2
    fi
    touch "$JAR"   # Maven leaves an up-to-date jar alone; mark it checked
  fi
  train_startup_cache
}

# The start-up cache: the JVM keeps the classes a run loads (and, from JDK 25, their linking
# and method profiles) in a file learnt from a self-check (a crawl and a ping of a site served
# on loopback), so later runs start about twice as fast (docs/benchmarks.md). It is made again
# when the jar or the JDK changes; without it everything works, only slower to start.
STARTUP_CACHE="$here/target/startup-$(java_major "$JAVA").cache"
startup_cache_fresh() {
  [ -f "$STARTUP_CACHE" ] && [ "$STARTUP_CACHE" -nt "$JAR" ] \
    && [ "$(cat "$STARTUP_CACHE.jdk" 2>/dev/null)" = "$JAVA_HOME" ]
}
train_startup_cache() {
  startup_cache_fresh && return 0
  # another user's checkout: run without the cache rather than fail on it
  [ -w "$(dirname "$STARTUP_CACHE")" ] || return 0
  local opts v
  read -r -d '' -a opts < <(jvm_options) || true
  v=$(java_major "$JAVA")
  rm -f "$STARTUP_CACHE" "$STARTUP_CACHE.jdk"
  if [ "$v" -ge 25 ]; then
    opts+=(-XX:AOTCacheOutput="$STARTUP_CACHE")
  else
    opts+=(-XX:ArchiveClassesAtExit="$STARTUP_CACHE")
  fi
  echo "Preparing Webprobe's start-up cache (a few seconds, once per build)..." >&2
  if "$JAVA" "${opts[@]}" -jar "$JAR" selfcheck > target/startup-cache.log 2>&1 \
      && [ -f "$STARTUP_CACHE" ]; then
    echo "$JAVA_HOME" > "$STARTUP_CACHE.jdk"
  else
    rm -f "$STARTUP_CACHE"   # runs go on without it
  fi
  return 0
}
startup_cache_options() {
  startup_cache_fresh || return 0
  if [ "$(java_major "$JAVA")" -ge 25 ]; then
    echo -XX:AOTCache="$STARTUP_CACHE" -Xlog:aot=off -Xlog:cds=off
  else
    echo -XX:SharedArchiveFile="$STARTUP_CACHE" -Xlog:cds=off
  fi
}

# The JVM options Webprobe runs with, here and in the packaged launchers; WEBPROBE_JAVA_OPTS
# comes after them, so it wins (e.g. WEBPROBE_JAVA_OPTS=-Xmx2g; a collector or heap size of its
# own replaces Webprobe's, which the JVM would otherwise refuse to start with: see
# packaging/java-options.sh, also in the installed webprobe command). The heap cap is measured in
# docs/benchmarks.md ("Memory"): without it the JVM may grow to a quarter of the RAM.
# C1 only, everywhere: Webprobe's runs are short or I/O-bound, and C2's compiling took CPU
# from the crawl's workers and the window's FX thread (docs/decisions/0009).
jvm_options() {
  echo --enable-native-access=ALL-UNNAMED -Xmx1g -XX:TieredStopAtLevel=1
  # JDK 24+ warns about JavaFX's use of sun.misc.Unsafe; the flag does not exist before 23.
  [ "$(java_major "$JAVA")" -ge 23 ] && echo --sun-misc-unsafe-memory-access=allow
  return 0
}

# On Linux the crawl's workers (NamedThreads.BULK_PRIORITY) run at nice 10: below the
# window's thread, which otherwise waited up to 100 ms for a core on 2 cores (ADR 0010), and
# below the crawl file's writer, which otherwise got a ninth of the CPU while eight workers
# waited for it (ADR 0013). Lowering a thread's priority needs no privilege; the JVM warns
# that raising one would, and Webprobe raises none, so its warnings are off.
priority_options() {
  [ "$(uname -s)" = Linux ] \
    && echo -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=10 -XX:-PrintWarnings
  return 0
}

# The window's own: a heap that starts at 256 MB and no class-metadata collection before
# 96 MB. Without them G1 shrank the heap to 64 MB a second into the first crawl and then
# collected every few hundred milliseconds while the table filled; with them the longest
# FX stall of a 20,000-page crawl was 58-89 ms instead of 76-122 (docs/benchmarks.md, "GUI").
window_options() {
  echo -Xms256m -XX:MetaspaceSize=96m
  priority_options
}

# A crawl without a window: the serial collector and a 160 MB heap. The serial collector
# grows the heap to whatever cap it has (1 GB RSS on a 10,000-page crawl that lives in
# 60 MB), so the cap is what holds the RSS under 300 MB. Big pages are streamed, so 160 MB
# is enough for any page, and for a million URLs (docs/benchmarks.md). The window keeps G1
# and 1 GB: its pauses stay short.
crawl_options() {
  echo -XX:+UseSerialGC -Xmx160m
  priority_options
}

run_java() {
  local opts cache win
  read -r -d '' -a opts < <(jvm_options) || true
  read -r -d '' -a cache < <(startup_cache_options) || true
  opts+=("${cache[@]}")
  opts+=(-Dwebprobe.command=./run.sh)
  [ -t 2 ] && opts+=(-Dwebprobe.stderrTerminal=true)
  [ -n "$closed_streams" ] && opts+=(-Dwebprobe.closedStreams="$closed_streams")
  # the window and selfcheck name no paths: a folder since removed leaves them in the
  # checkout (the others stopped in check_caller_folder). Before TMPDIR is read: a relative
  # one is the caller's folder's, as Java would read it
  cd "$caller" 2>/dev/null || true
  local tmp; tmp=$(webprobe_tmpdir)
  [ -n "$tmp" ] && opts+=("-Djava.io.tmpdir=$tmp")
  if [ "${1:-}" = crawl ]; then read -r -d '' -a win < <(crawl_options) || true; opts+=("${win[@]}"); fi
  if [ $# -eq 0 ]; then
    read -r -d '' -a win < <(window_options) || true
    opts+=("${win[@]}")
    local private; private=$(webprobe_private_cache_dir)
    if [ -n "$private" ]; then
      export XDG_CACHE_HOME="$private"
      opts+=("-Djavafx.cachedir=$private/openjfx")
    fi
  fi
  # where C.UTF-8 is not installed (glibc before 2.35 without Debian's patch), bash warns
  # "setlocale: LC_CTYPE: cannot change locale" as it is set; Java then stays ASCII as before
  webprobe_utf8_ctype 2>/dev/null
  # less what WEBPROBE_JAVA_OPTS replaces (a collector, a heap size: packaging/java-options.sh)
  local mine=("${opts[@]}") what=command
  mapfile -t opts < <(webprobe_own_options "${opts[@]}")
  [ $# -eq 0 ] && what=window
  # shellcheck disable=SC2086
  webprobe_check_java_opts "$what" "$JAVA" "${opts[@]}" ${WEBPROBE_JAVA_OPTS:-}
  # options Java refused: a command has ended; the window opens with all of Webprobe's own and
  # says why (said on stderr too)
  if [ -n "$webprobe_refused" ]; then
    opts=("${mine[@]}" "-Dwebprobe.javaOptionsRefused=$webprobe_refused")
  fi
  # shellcheck disable=SC2086
  exec "$JAVA" "${opts[@]}" ${WEBPROBE_JAVA_OPTS:-} -jar "$JAR" "$@"
}

# check_caller_folder: a command's relative paths (--db, --csv, export FILE) are the folder's
# it was started from; when that folder has since been removed they would land in the
# checkout, so the command stops here instead (the JVM itself will not start in it).
check_caller_folder() {
  if ! (cd "$caller") 2>/dev/null; then
    echo "webprobe: The current folder no longer exists; change to another folder and run the command again." >&2
    exit 2
  fi
}

package() {
  local opts
  read -r -d '' -a opts < <(jvm_options) || true
  # one line each: package.sh puts them into the launcher script with sed
  WEBPROBE_WINDOW_OPTIONS="$(window_options | tr '\n' ' ')" \
    WEBPROBE_CRAWL_OPTIONS="$(crawl_options | tr '\n' ' ')" \
    exec packaging/package.sh "$JAR" "$VERSION" "${opts[@]}"
}

usage() {
  cat <<'USAGE'
Usage: ./run.sh [command] [args]

  (no command)          open the Webprobe desktop app
  test                  run the whole test suite headless (./mvnw verify)
  crawl URL [options]   crawl a site headless; ./run.sh crawl --help for options
  ping URL... [options] measure how fast URLs answer; ./run.sh ping --help for options
  export FILE [options] write the CSV files of a stored crawl (a .webprobe file)
  compare OLD NEW       what changed between two stored crawls of one site
  selfcheck             check that Webprobe works here (a crawl and a ping on loopback)
  package               build target/dist/Webprobe/ (app image), the .deb and the fat jar
  help                  show this help
  --version             show the version

Environment: JAVA_HOME (a JDK 21+; found automatically if unset),
WEBPROBE_JAVA_OPTS (extra JVM options, e.g. -Xmx2g),
WEBPROBE_JDK_DIRS (folders holding JDKs to look in; default /usr/lib/jvm).
USAGE
}

# The command (or, given the names, the option) a mistyped one most likely means, as the
# program's own Suggestion picks it (the least edit distance, a swap of two letters one edit; at
# most 1 for a word of up to 4 letters, dashes left out, else 2; one or two names; none for a
# one-letter option), or nothing
meant_command() {
  awk -v t="$1" -v names="${2:-crawl ping export compare selfcheck package test help}" '
    function dist(a, b,   la, lb, i, j, c, v, D) {
      la = length(a); lb = length(b)
      for (i = 0; i <= la; i++) D[i, 0] = i
      for (j = 0; j <= lb; j++) D[0, j] = j
      for (i = 1; i <= la; i++) for (j = 1; j <= lb; j++) {
        c = substr(a, i, 1) == substr(b, j, 1) ? 0 : 1
        v = D[i - 1, j] + 1
        if (D[i, j - 1] + 1 < v) v = D[i, j - 1] + 1
        if (D[i - 1, j - 1] + c < v) v = D[i - 1, j - 1] + c
        if (i > 1 && j > 1 && substr(a, i, 1) == substr(b, j - 1, 1) \
            && substr(a, i - 1, 1) == substr(b, j, 1) && D[i - 2, j - 2] + 1 < v)
          v = D[i - 2, j - 2] + 1
        D[i, j] = v
      }
      return D[la, lb]
    }
    BEGIN {
      if (t ~ /^-[^-]$/) exit
      bare = t; sub(/^-+/, "", bare)
      limit = length(bare) <= 4 ? 1 : 2; best = limit + 1; n = 0
      split(names, w, " ")
      for (k = 1; k in w; k++) {
        d = dist(t, w[k]); if (d > limit) continue
        if (d < best) { best = d; n = 0 }
        if (d == best) found[++n] = w[k]
      }
      if (n == 1) print found[1]; else if (n == 2) print found[1] " or " found[2]
    }'
}

cmd="${1:-gui}"
case "$cmd" in
  gui) build_if_needed; run_java ;;
  test) shift; exec ./mvnw -B verify "$@" ;;
  crawl|ping|export|compare) check_caller_folder; build_if_needed; run_java "$@" ;;
  selfcheck) build_if_needed; run_java "$@" ;;
  package) build_if_needed; package ;;
  # "help crawl" is crawl's --help, as the installed webprobe command's (and git's, go's)
  help|-h|--help)
    case "${2:-}" in
      crawl|ping|export|compare|selfcheck) build_if_needed; run_java "$2" --help ;;
      *) usage ;;
    esac ;;
  # as every command's own --version, and the installed webprobe command's
  -V|--version) build_if_needed; run_java --version ;;
  # the sentences of WebprobeCli.unknownCommand, said here without starting a JVM
  *://*) echo "webprobe: '$cmd' is not a command: to crawl that site, run ./run.sh crawl $cmd;" \
      "to measure how fast it answers, ./run.sh ping $cmd." >&2; exit 2 ;;
  # an option before any command: the program's words for it (it said "Unknown command")
  -*) option=${cmd%%=*}; meant=$(meant_command "$option" "--version --help")
     if [ -n "$meant" ]; then echo "webprobe: Unknown option: '$option'; did you mean $meant?" >&2
     else echo "webprobe: Unknown option: '$option'. Run ./run.sh --help to see every option." >&2; fi
     exit 2 ;;
  *) meant=$(meant_command "$cmd")
     if [ -n "$meant" ]; then echo "webprobe: Unknown command '$cmd'; did you mean $meant?" >&2
     else echo "webprobe: Unknown command '$cmd'; ./run.sh help lists the commands." >&2; fi
     exit 2 ;;
esac
