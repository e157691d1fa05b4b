#!/usr/bin/env bash
# Start-up time of `cxm` to its first output on a small file, measured with hyperfine (Debian
# package `hyperfine`): the JVM alone (`java -version`), `java -jar cxm.jar`, and the same with an
# application class-data-sharing archive made once by `cxm demo`. Prints hyperfine's table and the
# medians. Run from anywhere: bash metrics-bench/scripts/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-30}
jar=metrics-cli/target/cxm.jar
[[ -f $jar ]] || mvn -B -ntp -q -pl metrics-cli -am package -DskipTests
command -v hyperfine > /dev/null || { echo "startup.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'id,recommend,region\n1,9,North\n2,10,South\n3,3,North\n4,7,South\n5,10,North\n' > "$tmp/small.csv"
java -XX:ArchiveClassesAtExit="$tmp/cxm.jsa" -jar "$jar" demo > /dev/null 2>&1
run="nps $tmp/small.csv --column recommend --by region"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(java -version 2>&1 | head -1)"
hyperfine -N -w 5 -r "$runs" --export-json "$tmp/h.json" \
    -n 'java -version (JVM alone)' 'java -version' \
    -n 'java -jar cxm.jar nps small.csv' "java -jar $jar $run" \
    -n 'with -XX:SharedArchiveFile=cxm.jsa' "java -XX:SharedArchiveFile=$tmp/cxm.jsa -jar $jar $run"
python3 - "$tmp/h.json" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = r["times"]
    print(f"{r['command']:40s} min {min(t):.3f} s  median {statistics.median(t):.3f} s")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
