#!/bin/sh
# The roller-coach command of the app image (bin/roller-coach; /usr/bin/roller-coach links here once the
# .deb is installed). A shell script rather than jpackage's native launcher: that one asks `rpm -qf` and
# `dpkg -S` which package owns it on every start, ~0.5 s — twice what a start may cost in all.
# The JVM flags must match those the AppCDS archive was made with (roller-coach-cds.sh, same folder in
# the image); a missing or stale archive is skipped silently and the app only starts slower.
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
exec "$root/lib/runtime/bin/java" -XX:+UseSerialGC -XX:SharedArchiveFile="$root/lib/app/roller-coach.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$root/lib/app/roller-coach.jar" com.rollercoach.Main "$@"
