# How Webprobe's own JVM options and WEBPROBE_JAVA_OPTS go together, and where the window's
# caches go: sourced by run.sh, and put into the installed `webprobe` command by package.sh (so
# POSIX sh, no bash).
#
# WEBPROBE_JAVA_OPTS comes after Webprobe's options and wins, but for some options the JVM
# does not let the last one win: it refuses to start. A second collector ("Multiple garbage
# collectors selected"), an initial heap above the cap (-Xms512m after -Xmx160m). So the
# options it would refuse are left out of Webprobe's own when the user names their own.

# webprobe_size_bytes SIZE: a JVM size (512m, 2g, 1048576) in bytes; nothing if it is not one
webprobe_size_bytes() {
  _wp_n=${1%[kKmMgGtT]}
  case $_wp_n in '' | *[!0-9]*) return 0 ;; esac
  case $1 in
    *[kK]) echo $((_wp_n * 1024)) ;;
    *[mM]) echo $((_wp_n * 1048576)) ;;
    *[gG]) echo $((_wp_n * 1073741824)) ;;
    *[tT]) echo $((_wp_n * 1099511627776)) ;;
    *) echo "$_wp_n" ;;
  esac
}

# webprobe_own_options OPTION...: prints the options given, one a line, less those
# WEBPROBE_JAVA_OPTS replaces: the collector when it names one; the heap cap when it sets a
# heap size (-Xmx, -Xms, -XX:MaxHeapSize, -XX:InitialHeapSize, -XX:MaxRAMPercentage...); the
# initial heap when it sets its own, or a cap below it (or one this cannot read).
webprobe_own_options() {
  _wp_gc='' _wp_max='' _wp_min='' _wp_ram=''
  for _wp_u in ${WEBPROBE_JAVA_OPTS:-}; do
    case $_wp_u in
      -XX:+UseSerialGC | -XX:+UseParallelGC | -XX:+UseParallelOldGC | -XX:+UseG1GC \
        | -XX:+UseZGC | -XX:+UseShenandoahGC | -XX:+UseEpsilonGC | -XX:+UseConcMarkSweepGC)
        _wp_gc=1 ;;
      -Xmx*) _wp_max=${_wp_u#-Xmx} ;;
      -XX:MaxHeapSize=*) _wp_max=${_wp_u#-XX:MaxHeapSize=} ;;
      -Xms*) _wp_min=${_wp_u#-Xms} ;;
      -XX:InitialHeapSize=*) _wp_min=${_wp_u#-XX:InitialHeapSize=} ;;
      -XX:MinHeapSize=*) _wp_min=${_wp_u#-XX:MinHeapSize=} ;;
      -XX:MaxRAM=* | -XX:MaxRAMPercentage=* | -XX:MaxRAMFraction=* | -XX:InitialRAMPercentage=* \
        | -XX:MinRAMPercentage=*) _wp_ram=1 ;;
    esac
  done
  for _wp_o in "$@"; do
    case $_wp_o in
      -XX:+Use*GC) [ -n "$_wp_gc" ] && continue ;;
      -Xmx*)
        [ -n "$_wp_max$_wp_ram" ] && continue
        # the user's initial heap above this cap would stop the JVM; one under it keeps it
        if [ -n "$_wp_min" ]; then
          _wp_cap=$(webprobe_size_bytes "${_wp_o#-Xmx}")
          _wp_start=$(webprobe_size_bytes "$_wp_min")
          [ -n "$_wp_cap" ] && [ -n "$_wp_start" ] && [ "$_wp_start" -le "$_wp_cap" ] || continue
        fi ;;
      -Xms*)
        [ -n "$_wp_min" ] && continue
        if [ -n "$_wp_max" ]; then
          _wp_cap=$(webprobe_size_bytes "$_wp_max")
          _wp_start=$(webprobe_size_bytes "${_wp_o#-Xms}")
          [ -n "$_wp_cap" ] && [ -n "$_wp_start" ] && [ "$_wp_cap" -ge "$_wp_start" ] || continue
        fi ;;
    esac
    printf '%s\n' "$_wp_o"
  done
}

# webprobe_check_java_opts WHAT JAVA OPTION...: when WEBPROBE_JAVA_OPTS is set, starts JAVA with
# the options given and -version (~0.1-0.2 s) and, if it does not start, says so in one sentence
# with the JVM's own words. For a command (WHAT is command) that is the end: exit 2 (1 is the
# commands' "broken links found"). The window (WHAT is window) opens without them instead: the
# menu entry starts it with no terminal, and a click did nothing visible. Then
# WEBPROBE_JAVA_OPTS is emptied and webprobe_refused holds the sentence, which the caller hands
# the window (-Dwebprobe.javaOptionsRefused) with Webprobe's own options, all of them. Without
# WEBPROBE_JAVA_OPTS nothing is started: Webprobe's own options are known to work.
webprobe_check_java_opts() {
  webprobe_refused=''
  _wp_what=$1
  shift
  [ -n "${WEBPROBE_JAVA_OPTS:-}" ] || return 0
  # options that act as the JVM starts (a debugger waiting for its client, an agent, a
  # recording or a log file) would act twice, or wait on the probe: no probe then
  for _wp_u in $WEBPROBE_JAVA_OPTS; do
    case $_wp_u in
      -agentlib:* | -agentpath:* | -javaagent:* | -Xrunjdwp* | -Xdebug | -Xlog:* \
        | -XX:StartFlightRecording* | -XX:+FlightRecorder) return 0 ;;
    esac
  done
  # a word that is no option, nor the value of one before it (--add-opens VALUE, -cp PATH),
  # would be taken for the class to run ("Could not find or load main class garbage"); an
  # @FILE is a file of options, which java reads in its place
  _wp_prev=''
  for _wp_u in $WEBPROBE_JAVA_OPTS; do
    case $_wp_u in
      -* | @?*) ;;
      *) case $_wp_prev in
           --*=* | '') _wp_bad=1 ;;
           --* | -cp | -classpath | -p) _wp_bad='' ;;
           *) _wp_bad=1 ;;
         esac
         if [ -n "$_wp_bad" ]; then
           webprobe_refuse_java_opts "$_wp_what" "WEBPROBE_JAVA_OPTS='$WEBPROBE_JAVA_OPTS' holds '$_wp_u', which is not a Java option (each starts with a dash)"
           return 0
         fi
         _wp_u='' ;;
    esac
    _wp_prev=$_wp_u
  done
  _wp_said=$("$@" -version 2>&1) && return 0
  # the JVM's first line that says what is wrong, not that something is
  _wp_line=$(printf '%s\n' "$_wp_said" | sed -n -e '/^Error occurred during initialization of VM$/d' \
    -e '/^Error: Could not create the Java Virtual Machine\.$/d' \
    -e '/^Error: A fatal exception has occurred\./d' -e '/./{p;q;}')
  [ -n "$_wp_line" ] || _wp_line=$(printf '%s\n' "$_wp_said" | sed -n '/./{p;q;}')
  webprobe_refuse_java_opts "$_wp_what" "Java does not start with WEBPROBE_JAVA_OPTS='$WEBPROBE_JAVA_OPTS': ${_wp_line%.}"
}

# webprobe_refuse_java_opts WHAT SENTENCE: says why WEBPROBE_JAVA_OPTS cannot be used (SENTENCE,
# without its full stop) on stderr; a command then exits 2, the window goes on without them
# (webprobe_check_java_opts)
webprobe_refuse_java_opts() {
  if [ "$1" != window ]; then
    echo "webprobe: $2." >&2
    exit 2
  fi
  webprobe_refused="$2; Webprobe runs without them."
  echo "webprobe: $webprobe_refused" >&2
  WEBPROBE_JAVA_OPTS=''
}

# webprobe_private_cache_dir: JavaFX unpacks its native libraries into ~/.openjfx/cache, and
# GTK (dconf) and Mesa keep theirs in ~/.cache; with a home that cannot be written (a service
# account, a read-only home) each says so on stderr, several times, though the window works.
# Then both go to a folder of this user's own under /tmp: printed here if the home cannot be
# written and the folder is (still) this user's alone (mode 0700); nothing otherwise.
webprobe_private_cache_dir() {
  [ -n "${HOME:-}" ] && [ -w "$HOME" ] && return 0
  _wp_dir="${TMPDIR:-/tmp}/webprobe-cache-$(id -u)"
  mkdir -p -m 700 "$_wp_dir" 2>/dev/null || return 0
  [ -n "$(find "$_wp_dir" -maxdepth 0 -user "$(id -u)" -perm 700 2>/dev/null)" ] \
    && echo "$_wp_dir"
  return 0
}

# webprobe_tmpdir: the temporary folder for Java (temporary crawl files, big pages waiting to
# be read, exports): TMPDIR when it names a folder, as SQLite, GTK and the shell take it; Java
# itself reads /tmp whatever TMPDIR says, and a crawl filled a small /tmp with TMPDIR set
# elsewhere. Nothing when TMPDIR is unset; -Djava.io.tmpdir in WEBPROBE_JAVA_OPTS wins.
# A relative TMPDIR is the current folder's, given as a whole path.
webprobe_tmpdir() {
  [ -n "${TMPDIR:-}" ] && [ -d "$TMPDIR" ] || return 0
  case $TMPDIR in
    /*) echo "$TMPDIR" ;;
    *) echo "$PWD/$TMPDIR" ;;
  esac
}

# webprobe_utf8_ctype: in the C or POSIX locale (containers, cron, ssh without a locale) Java
# reads the command's arguments, the environment and file names as ASCII: a URL with 'é'
# became "caf\uFFFD\uFFFD" and answered 404, a --db name with one got '?'s. As Python does
# there (PEP 538), characters are then read as UTF-8: LC_CTYPE (or LC_ALL, when that is what
# says C) becomes C.UTF-8, exported. Any other locale is left as it is.
webprobe_utf8_ctype() {
  case ${LC_ALL:-${LC_CTYPE:-${LANG:-}}} in
    '' | C | POSIX) ;;
    *) return 0 ;;
  esac
  if [ -n "${LC_ALL:-}" ]; then
    export LC_ALL=C.UTF-8
  else
    export LC_CTYPE=C.UTF-8
  fi
  return 0
}
