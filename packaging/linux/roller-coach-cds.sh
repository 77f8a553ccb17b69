#!/bin/sh
# Makes the AppCDS archive of an installed Roller Coach (app image root as $1, default: this script's
# ../..): the classes `analyze` loads, pre-parsed and laid out for mapping, so each start skips most of
# class loading and verification. JDK 17 ties a dynamic archive to the absolute jar path, so it is made
# where the app lives: at build time for the app image, and again by the .deb's postinst in /opt.
# The flags and the jar path must match those of the launcher, packaging/linux/roller-coach.sh.
set -e
app=$(cd "${1:-$(dirname "$0")/../..}" && pwd -P)
archive="$app/lib/app/roller-coach.jsa"
rm -f "$archive"
"$app/lib/runtime/bin/java" -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$app/lib/app/roller-coach.jar" com.rollercoach.Main analyze "$app/lib/app/typical-session.csv" --json >/dev/null
