#!/usr/bin/env bash
# Builds Webprobe's desktop packages with jpackage; run it through ./run.sh package, which
# builds the jar and finds the JDK (JAVA_HOME):
#   packaging/package.sh JAR VERSION [JVM_OPTION...]
# Makes, in target/dist/:
#   Webprobe/                     the app image: bin/webprobe (the window, or the command with
#                                 one; honours WEBPROBE_JAVA_OPTS, TMPDIR...), bin/Webprobe (runs
#                                 bin/webprobe), its own runtime
#   webprobe_VERSION_amd64.deb    installs to /opt/webprobe, with a desktop entry, the icon
#                                 and /usr/bin/webprobe
# The fat jar it starts from stays at target/webprobe-VERSION-all.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$1 VERSION=$2
shift 2
JVM_OPTIONS=("$@")
JDK=${JAVA_HOME:?JAVA_HOME must point at the JDK to package with}
DIST=target/dist
WORK=target/jpackage
NAME=Webprobe

say() { echo "$*" >&2; }
t0=$(date +%s)
step() { say "[$(( $(date +%s) - t0 )) s] $*"; }

if [ ! -x "$JDK/bin/jpackage" ] || [ ! -x "$JDK/bin/jdeps" ]; then
  say "Packaging needs jpackage and jdeps, which $JDK lacks: use a full JDK 21 or newer (set JAVA_HOME to it)."
  exit 2
fi

# jpackage builds a .deb with dpkg-deb and fakeroot: install them when we may, else say how.
tools=() packages=()
command -v fakeroot >/dev/null 2>&1 || { tools+=(fakeroot); packages+=(fakeroot); }
command -v dpkg-deb >/dev/null 2>&1 || { tools+=(dpkg-deb); packages+=(dpkg); }
if [ ${#tools[@]} -gt 0 ]; then
  what=${tools[*]}; what=${what/ / and }; them=it
  [ ${#tools[@]} -gt 1 ] && them=them
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing ${packages[*]} to build the .deb..."
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1; then
      say "Building the .deb needs $what, which apt-get could not install: run 'apt-get install ${packages[*]}' and then ./run.sh package again."
      exit 2
    fi
  else
    say "Building the .deb needs $what: install $them with 'sudo apt-get install ${packages[*]}' (or your system's equivalent) and run ./run.sh package again."
    exit 2
  fi
fi

started=$(date +%s)
rm -rf "$DIST" "$WORK"
mkdir -p "$DIST" "$WORK/input"
cp "$JAR" "$WORK/input/"
jar_name=$(basename "$JAR")

# The runtime: the modules jdeps finds, plus what is only loaded as a service (more
# charsets for pages not in UTF-8, EC crypto for TLS on a JDK before 22 where it is a module).
step "Choosing the runtime's modules (jdeps)..."
modules=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 21 -q "$JAR")
for extra in jdk.charsets jdk.crypto.ec; do
  "$JDK/bin/java" --list-modules | grep -q "^$extra@" && modules="$modules,$extra"
done

step "Building the app image ($NAME, with its own runtime)..."
# (no --java-options: jpackage's native launcher, which alone reads them, is replaced below)
"$JDK/bin/jpackage" --type app-image --dest "$DIST" --input "$WORK/input" \
  --main-jar "$jar_name" --name "$NAME" --app-version "$VERSION" \
  --icon icons/webprobe-256.png \
  --description "Crawls a website for broken links and checks how fast URLs answer." \
  --vendor "Webprobe" \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files"

# The start-up cache, as ./run.sh makes one (docs/decisions/0025): the classes a self-check
# loads, linked and profiled, learnt by the image's own runtime (a cache is only read by the
# JVM that wrote it). The JVM finds the jar again where the image is moved to (/opt/webprobe).
# bin/webprobe reads it; without it (a JDK before 25, a self-check that failed) Webprobe runs
# without, as before, only slower to start.
jdk_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JDK/release" 2>/dev/null | head -1)
if [ "${jdk_major:-0}" -ge 25 ]; then
  step "Preparing the start-up cache (a self-check on loopback)..."
  cache="$DIST/$NAME/lib/app/webprobe.aot"
  # (bin/webprobe hands it to Java when it finds the file)
  if ! "$DIST/$NAME/lib/runtime/bin/java" "${JVM_OPTIONS[@]}" -XX:AOTCacheOutput="$cache" \
      -jar "$PWD/$DIST/$NAME/lib/app/$jar_name" selfcheck > "$WORK/startup-cache.log" 2>&1 \
      || [ ! -f "$cache" ]; then
    rm -f "$cache"
    say "The start-up cache could not be made ($WORK/startup-cache.log says why);" \
      "Webprobe works without it, only slower to start."
  fi
fi

# bin/webprobe: the window and the command line, with packaging/java-options.sh's rules
sed -e "s|@JAVA_OPTIONS@|${JVM_OPTIONS[*]} -Dwebprobe.command=webprobe|" -e "s|@JAR@|$jar_name|" \
  -e "s|@WINDOW_OPTIONS@|${WEBPROBE_WINDOW_OPTIONS:-}|" \
  -e "s|@CRAWL_OPTIONS@|${WEBPROBE_CRAWL_OPTIONS:--XX:+UseSerialGC -Xmx160m}|" \
  -e "/@JAVA_OPTION_RULES@/{r packaging/java-options.sh" -e "d;}" \
  packaging/linux/webprobe > "$DIST/$NAME/bin/webprobe"
chmod 755 "$DIST/$NAME/bin/webprobe"
# bin/Webprobe, jpackage's native launcher, runs bin/webprobe instead: it started the window
# with the options of its .cfg only, so the menu's window (and the image's bin/Webprobe) read
# /tmp whatever TMPDIR said, read a file name's letters as ASCII in the C locale, ignored
# WEBPROBE_JAVA_OPTS, and with a home that cannot be written GTK and Mesa complained about
# ~/.cache. One launcher now, as run.sh's rules are one file (packaging/java-options.sh).
printf '%s\n' '#!/bin/sh' \
  "# Webprobe's window, or the command given one: bin/webprobe (packaging/package.sh)" \
  'exec "$(dirname "$(readlink -f "$0")")/webprobe" "$@"' > "$DIST/$NAME/bin/$NAME"
chmod 755 "$DIST/$NAME/bin/$NAME"

step "Building the Debian package..."
# jpackage's .deb is only unpacked again below: no time spent compressing it (dpkg 1.21.10+)
DPKG_DEB_COMPRESSOR_TYPE=none "$JDK/bin/jpackage" --type deb --dest "$WORK/deb" --app-image "$DIST/$NAME" \
  --name "$NAME" --linux-package-name webprobe --app-version "$VERSION" \
  --description "Crawls a website for broken links and checks how fast URLs answer." \
  --vendor "Webprobe" --linux-deb-maintainer "webprobe@localhost" \
  --linux-app-category web --linux-package-deps libgtk-3-0

# jpackage's --linux-shortcut registers the menu entry with xdg-utils from postinst (and so
# depends on xdg-utils); instead the package carries the entry, the icons and
# /usr/bin/webprobe itself, so dpkg knows them and dpkg -r removes them.
deb=$(ls "$WORK"/deb/*.deb)
tree="$WORK/deb-tree"
dpkg-deb -R "$deb" "$tree"
# The start-up cache holds the time the jar was last changed and is refused for a jar with
# another (-Xlog:class+path: "Archived app classpath validation: failed"): jpackage's copy
# gave it the time of copying, and the installed webprobe ran without its cache (0.55 s of CPU
# for --version instead of 0.32). dpkg keeps the time the package gives it.
touch -r "$DIST/$NAME/lib/app/$jar_name" "$tree/opt/webprobe/lib/app/$jar_name"
mkdir -p "$tree/usr/bin" "$tree/usr/share/applications"
ln -s /opt/webprobe/bin/webprobe "$tree/usr/bin/webprobe"
install -m 644 packaging/linux/webprobe.desktop "$tree/usr/share/applications/webprobe.desktop"
# every size icons/ has (48x48 is the one the icon theme spec asks of every app)
for png in icons/webprobe-*.png; do
  s=${png#icons/webprobe-}; s=${s%.png}
  install -D -m 644 "$png" "$tree/usr/share/icons/hicolor/${s}x${s}/apps/webprobe.png"
done
install -D -m 644 icons/webprobe.svg "$tree/usr/share/icons/hicolor/scalable/apps/webprobe.svg"
# what Debian's policy asks of every package (lintian names each one missing): the copyright
# file (the licences Help > About lists, and the bundled runtime's), a changelog, and a man
# page for the command, made from its own options by the jar (io.webprobe.cli.ManPage)
doc="$tree/usr/share/doc/webprobe"
mkdir -p "$doc" "$tree/usr/share/man/man1"
java_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$DIST/$NAME/lib/runtime/release")
"$JDK/bin/java" -cp "$JAR" io.webprobe.app.DebianCopyright "$doc/copyright" "$java_version"
"$JDK/bin/java" -cp "$JAR" io.webprobe.cli.ManPage "$WORK/webprobe.1"
gzip -9n < "$WORK/webprobe.1" > "$tree/usr/share/man/man1/webprobe.1.gz"
# the last commit's date, so two builds of one commit say the same (now, outside a clone)
when=$(git log -1 --format=%cD 2>/dev/null || date -R)
printf '%s\n' "webprobe ($VERSION) unstable; urgency=medium" "" \
  "  * Webprobe $VERSION, packaged from its repository by packaging/package.sh." "" \
  " -- $(sed -n 's/^Maintainer: //p' "$tree/DEBIAN/control")  $when" \
  | gzip -9n > "$doc/changelog.gz"
chmod 644 "$doc/copyright" "$doc/changelog.gz" "$tree/usr/share/man/man1/webprobe.1.gz"
# jpackage's own copyright file (/opt/webprobe/share/doc/copyright) says "License: Unknown":
# the package's is /usr/share/doc/webprobe/copyright, above
rm -rf "$tree/opt/webprobe/share"
# jpackage's maintainer scripts do nothing (their cases are empty: the menu entry is a file
# above, not an xdg-utils call), and lintian flags the empty postrm: the package has none
rm -f "$tree/DEBIAN/preinst" "$tree/DEBIAN/postinst" "$tree/DEBIAN/prerm" \
  "$tree/DEBIAN/postrm"
# jpackage leaves the launcher's and the runtime's native code with its symbol tables
# (lintian: unstripped-binary-or-object, 35 files): stripped as Debian's own packages are,
# 6 MB less installed; the start-up cache still maps (it checks the JVM's version, not its
# file). A crash report (hs_err) then names fewer native frames, as with Debian's OpenJDK.
if command -v strip >/dev/null 2>&1; then
  find "$tree/opt" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
    | while IFS= read -r -d '' f; do
        # ELF files only (bin/webprobe is a script); what dh_strip removes
        [ "$(head -c 4 "$f" | tr -d '\0' | tail -c 3)" = ELF ] || continue
        strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f"
      done
else
  say "strip (Debian package binutils) is missing: the .deb's native code keeps its symbols."
fi
# and what apt show says: a synopsis (jpackage's --description, without its full stop, as
# Debian's policy has it) and a paragraph under it (jpackage writes none)
sed -i -e "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" \
  -e '/^Provides: webprobe$/d' -e '/^Depends: /s/ *, */, /g' \
  -e '/^Description: /{s/\.$//;a\
 Webprobe crawls a website and lists its broken links, redirects and missing\
 anchors, and measures how fast URLs answer (latency percentiles, status codes,\
 errors). It is a desktop app (Webprobe in the menu) and the webprobe command,\
 over the same engine; a crawl is stored in a file that can be opened again,\
 exported to CSV or compared with a later one.
}' "$tree/DEBIAN/control"
# dpkg --verify and debsums check the installed files against these
(cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
  | xargs -0 md5sum) > "$tree/DEBIAN/md5sums"
out="$DIST/webprobe_${VERSION}_amd64.deb"
# gzip: 58 MB in 10 s here, where xz made 47 MB in 107 s
dpkg-deb --root-owner-group -Zgzip -b "$tree" "$out" >/dev/null

size() { du -sh "$1" | cut -f1; }
say "Done in $(( $(date +%s) - started )) s:"
say "  $DIST/$NAME/  app image, $(size "$DIST/$NAME") (run $DIST/$NAME/bin/$NAME)"
say "  $out  $(size "$out") (install: sudo dpkg -i $out)"
say "  $JAR  $(size "$JAR") (java -jar on a JDK 21+)"
