#!/bin/sh
# The roller-coach command of the app image (bin/roller-coach; /usr/bin/roller-coach links here once the
# .deb is installed). A shell script rather than jpackage's native launcher: that one asks `rpm -qf` and
# `dpkg -S` which package owns it on every start, ~0.5 s — twice what a start may cost in all.
# The JVM flags must match those the AppCDS archive was made with (roller-coach-cds.sh, same folder in
# the image); a missing or stale archive is skipped silently and the app only starts slower.
# JIT: most commands are over in a second or two (analyze, report, --version) or need little CPU (the
# window, live sessions at 200 Hz), and there the optimising compiler (C2) costs more CPU compiling than
# it saves: C1 only made `analyze` of an hour ~40 % faster (docs/benchmarks.md). Library re-analysis and
# benchmarks run long enough for C2 to pay, so they keep it.
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
case "${1:-}" in
  sessions|bench) jit= ;;
  *) jit=-XX:TieredStopAtLevel=1 ;;
esac
exec "$root/lib/runtime/bin/java" -XX:+UseSerialGC $jit -XX:SharedArchiveFile="$root/lib/app/roller-coach.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$root/lib/app/roller-coach.jar" com.rollercoach.Main "$@"
