#!/usr/bin/env bash
# CSV -> samples (JMH, one core) as MB/s and as a ratio to `cat file > /dev/null` and to a plain read
# loop, all measured in the same run on the same file in the page cache (CsvParseBenchmark), with the
# machine's load average. Extra arguments go to JMH, e.g. bench/csv-speed.sh -wi 2 -i 3.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
bench/jmh.sh CsvParseBenchmark -rf csv -rff "$out" "$@" >/dev/null
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
awk -F, -v lb="$load_before" -v la="$load_after" '
  /:bytes"/ { name=$1; gsub(/"|.*\.|:bytes/, "", name); mbs[name]=$5/1e6; err[name]=$6/1e6 }
  END {
    printf "%-14s %10s %10s\n", "benchmark", "MB/s", "+-99.9%";
    for (n in mbs) printf "%-14s %10.0f %10.0f\n", n, mbs[n], err[n];
    printf "csvToSamples / cat > /dev/null : %.2f\n", mbs["csvToSamples"] / mbs["catToDevNull"];
    printf "csvToSamples / read loop       : %.2f\n", mbs["csvToSamples"] / mbs["readBytes"];
    printf "target: csvToSamples >= 150 MB/s on one core; load average before %s, after %s\n", lb, la;
  }' "$out"
