#!/usr/bin/env bash
# JMH micro-benchmarks (src/test/java/com/rollercoach/bench): pipeline throughput and friends.
#   bench/jmh.sh                                   # every benchmark in com.rollercoach.bench
#   bench/jmh.sh PipelineThroughput -wi 2 -i 3     # a regex of benchmarks plus any JMH options
# Works offline: the shaded jar carries the runtime dependencies, JMH comes from the local Maven repo.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q package -DskipTests
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
jmh_version=$(sed -n 's:.*<jmh.version>\(.*\)</jmh.version>.*:\1:p' pom.xml)
jmh="$repo/org/openjdk/jmh/jmh-core/$jmh_version/jmh-core-$jmh_version.jar"
jopt=$(find "$repo/net/sf/jopt-simple" -name 'jopt-simple-*.jar' | sort | tail -1)
exec java -cp "target/test-classes:target/classes:target/roller-coach.jar:$jmh:$jopt" \
  org.openjdk.jmh.Main "${@:-com.rollercoach.bench}"
