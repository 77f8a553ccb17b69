#!/bin/sh
# Makes the start-up cache of an installed Roller Coach (app image root as $1, default: this script's
# ../..) from training runs (`analyze` of the bundled sample). On a runtime of Java 24+ it is an AOT
# cache (JEP 483/514: the classes loaded, verified and linked, plus method profiles), else a static
# AppCDS archive (the JDK's and the app's classes pre-parsed and laid out for mapping). Static, not
# dynamic (-XX:ArchiveClassesAtExit): a dynamic archive skips classes of old class-file versions ("Old
# class has been linked"), i.e. all of picocli and commons-math3, so ~300 classes still loaded from the
# jar; with the static one 56 do (docs/benchmarks.md, round 4). Both are tied to the absolute jar
# path, so the cache is made where the app lives: at build time for the app image, and again by the .deb's
# postinst in /opt. The flags and the jar path must match those of the launcher,
# packaging/linux/roller-coach.sh.
set -e
app=$(cd "${1:-$(dirname "$0")/../..}" && pwd -P)
java="$app/lib/runtime/bin/java"
jar="$app/lib/app/roller-coach.jar"
sample="$app/lib/app/typical-session.csv"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$app/lib/runtime/release")
rm -f "$app/lib/app/roller-coach.jsa" "$app/lib/app/roller-coach.aot"
if [ "${major:-17}" -ge 24 ]; then
  # Trained with the launcher's default flags (C1 only: the profiles of JEP 515 serve C2, which the
  # short commands do not use; `sessions` and `bench` still load the cached classes). JDK 25 writes
  # the cache from a child JVM, which prints "Picked up JAVA_TOOL_OPTIONS: ..." on stderr: harmless.
  "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput="$app/lib/app/roller-coach.aot" \
    -Xlog:aot=off -Xlog:cds=off --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "$jar" com.rollercoach.Main analyze "$sample" --json >/dev/null
else
  # The class list of training runs (analyze of the sample, the help), then a static dump of it;
  # a class listed by both runs is kept once, in its first place (a lambda's line follows its class).
  list=$(mktemp); trap 'rm -f "$list" "$list.part"' EXIT
  train() {
    "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:off -XX:DumpLoadedClassList="$list.part" \
      -cp "$jar" com.rollercoach.Main "$@" >/dev/null
    cat "$list.part" >>"$list"
  }
  train analyze "$sample" --json
  train --help
  awk '!seen[$0]++' "$list" >"$list.part"
  "$java" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$list.part" \
    -XX:SharedArchiveFile="$app/lib/app/roller-coach.jsa" -Xlog:cds=off -cp "$jar" >/dev/null
fi
