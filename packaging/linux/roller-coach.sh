#!/bin/sh
# The roller-coach command of the app image (bin/roller-coach; /usr/bin/roller-coach links here once the
# .deb is installed). A shell script rather than jpackage's native launcher: that one asks `rpm -qf` and
# `dpkg -S` which package owns it on every start, ~0.5 s — twice what a start may cost in all.
# Start-up cache: on a bundled runtime of Java 24+ the AOT cache (roller-coach.aot: classes loaded and
# linked, trained on `analyze`), else the static AppCDS archive (roller-coach.jsa); both are made by
# roller-coach-cds.sh (same folder in the image) with the flags used here, and a missing or stale one is
# skipped silently: the app only starts slower.
# JIT: most commands are over in a second or two (analyze, report, --version) or need little CPU (the
# window, live sessions at 200 Hz), and there the optimising compiler (C2) costs more CPU compiling than
# it saves: C1 only made `analyze` of an hour ~40 % faster (docs/benchmarks.md). Library re-analysis and
# benchmarks run long enough for C2 to pay, so they keep it.
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
app="$root/lib/app"
case "${1:-}" in
  sessions|bench) jit= ;;
  *) jit=-XX:TieredStopAtLevel=1 ;;
esac
# Heap pages: `analyze` of an hour runs no GC at all, so every allocation touches fresh heap and the
# kernel's 4 KiB page faults cost 0.2-0.28 s of sys time; transparent huge pages (2 MiB) cut that to
# ~0.08 s and the wall time from ~0.8 s to ~0.68 s (docs/benchmarks.md, issue 15 round 5). Only where
# the kernel offers them (enabled = always or madvise): elsewhere the JVM would print a warning.
thp=
case "$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)" in
  *"[always]"*|*"[madvise]"*) thp=-XX:+UseTransparentHugePages ;;
esac
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$root/lib/runtime/release")
if [ "${major:-17}" -ge 24 ]; then
  # Java 24+ warns on stderr when a library loads native code (sqlite-jdbc, jSerialComm, JavaFX) or
  # uses sun.misc.Unsafe's memory access (JavaFX) unless allowed: both are the libraries' normal way.
  exec "$root/lib/runtime/bin/java" -XX:+UseSerialGC $jit $thp -XX:AOTCache="$app/roller-coach.aot" \
    -Xlog:aot=off -Xlog:cds=off --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "$app/roller-coach.jar" com.rollercoach.Main "$@"
fi
exec "$root/lib/runtime/bin/java" -XX:+UseSerialGC $jit $thp -XX:SharedArchiveFile="$app/roller-coach.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$app/roller-coach.jar" com.rollercoach.Main "$@"
