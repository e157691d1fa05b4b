#!/usr/bin/env bash
# CSV scoring, cxm against DuckDB (issue 18): generates the 1 GB survey export (SurveyCsvGenerator,
# fixed seed), runs `cxm nps FILE --column nps --by channel` from the shaded jar and DuckDB's JDBC
# driver (org.duckdb:duckdb_jdbc, the version in metrics-bench/pom.xml) on it, each in its own JVM,
# in ROUNDS rounds with the order rotated every round; checks that the per-channel n and NPS (to 6
# decimals) agree in every run, and prints a Markdown table: wall time min / median, CPU, peak RSS,
# and the ratio DuckDB ÷ cxm (above 1: cxm is faster).
#
#   metrics-bench/csv-vs-duckdb.sh                  # 12 200 000 rows (~1.02 GB), 3 rounds
#   ROWS=200000 ROUNDS=1 metrics-bench/csv-vs-duckdb.sh   # a quick smoke run
#
# Environment: WORK (default /tmp/cxm-csv-bench: the file, outputs, the DuckDB jar), ROWS, ROUNDS,
# MVN_ARGS (extra Maven options, e.g. "-o -Dmaven.repo.local=/tmp/m2"). Needs java, javac, python3,
# and Maven once, to build cxm.jar and fetch the DuckDB driver.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${WORK:-/tmp/cxm-csv-bench}"
ROWS="${ROWS:-12200000}"
ROUNDS="${ROUNDS:-3}"
MVN_ARGS="${MVN_ARGS:-}"
mkdir -p "$WORK/lib" "$WORK/classes" "$WORK/out"
JAR="$ROOT/metrics-cli/target/cxm.jar"
if [[ ! -f "$JAR" ]]; then
  # shellcheck disable=SC2086
  (cd "$ROOT" && mvn -B -ntp -q $MVN_ARGS -pl metrics-cli -am package -DskipTests)
fi
DUCKDB_VERSION="$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' "$ROOT/metrics-bench/pom.xml")"
DUCKDB_JAR="$WORK/lib/duckdb_jdbc-$DUCKDB_VERSION.jar"
if [[ ! -f "$DUCKDB_JAR" ]]; then
  # shellcheck disable=SC2086
  (cd "$WORK" && mvn -B -ntp -q $MVN_ARGS dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" \
      -DoutputDirectory="$WORK/lib")
fi
javac -d "$WORK/classes" "$ROOT/metrics-bench/scripts/DuckDbNps.java"
FILE="$WORK/survey-$ROWS.csv"
if [[ ! -f "$FILE" ]]; then
  java "$ROOT/metrics-bench/src/main/java/io/github/cxmetrics/bench/SurveyCsvGenerator.java" "$FILE" "$ROWS" 18
fi
cat "$FILE" > /dev/null   # into the page cache: every run reads it from memory

declare -A CMD
CMD[cxm]="java -Xmx256m -jar $JAR nps $FILE --column nps --by channel --format csv"
CMD[cxm_1thread]="java -Xmx256m -Dcxm.threads=1 -jar $JAR nps $FILE --column nps --by channel --format csv"
CMD[cxm_fastcsv]="java -Xmx256m -Dcxm.fastpath=off -jar $JAR nps $FILE --column nps --by channel --format csv"
CMD[duckdb]="java -cp $DUCKDB_JAR:$WORK/classes DuckDbNps $FILE"
CMD[duckdb_1thread]="java -cp $DUCKDB_JAR:$WORK/classes DuckDbNps $FILE 1"
VARIANTS=(cxm duckdb cxm_1thread duckdb_1thread cxm_fastcsv)
TIMES="$WORK/times.tsv"
: > "$TIMES"
n=${#VARIANTS[@]}
for ((round = 0; round < ROUNDS; round++)); do
  for ((k = 0; k < n; k++)); do
    v="${VARIANTS[$(((k + round) % n))]}"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    out="$WORK/out/$v.$round.txt"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/out/time.txt" ${CMD[$v]} > "$out"
    read -r wall user sys rss < "$WORK/out/time.txt"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v" "$round" "$wall" "$user" "$sys" "$rss" "$load" >> "$TIMES"
    echo "round $((round + 1))/$ROUNDS $v: ${wall} s (load $load)" >&2
  done
done

python3 - "$WORK" "$TIMES" "$FILE" "${VARIANTS[@]}" <<'PY'
import csv, glob, os, statistics, sys
work, times, file, variants = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def parse(path, tool):
    rows = {}
    with open(path, newline='') as f:
        if tool.startswith('cxm'):
            for r in csv.DictReader(f):
                if r['segment'] != '(total)':
                    rows[r['segment']] = (int(r['n']), round(float(r['nps']), 6))
        else:
            for line in f:
                parts = line.rstrip('\n').split('\t')
                if parts[0] != 'threads':
                    rows[parts[0]] = (int(parts[1]), round(float(parts[2]), 6))
    return rows

reference = None
for path in sorted(glob.glob(os.path.join(work, 'out', '*.*.txt'))):
    tool = os.path.basename(path).split('.')[0]
    got = parse(path, tool)
    if reference is None:
        reference = got
    if got != reference or not got:
        sys.exit(f'DISAGREE: {path}: {got} vs {reference}')
runs = {}
for line in open(times):
    v, rnd, wall, user, sys_, rss, load = line.split('\t')
    runs.setdefault(v, []).append((float(wall), float(user) + float(sys_), int(rss), float(load)))
print(f'file: {file}, {os.path.getsize(file)} bytes; all {sum(len(r) for r in runs.values())} outputs agree'
      ' (per-channel n and NPS to 6 decimals):')
for seg, (n, nps) in sorted(reference.items()):
    print(f'  {seg}: n {n}, NPS {nps:.6f}')
print()
print('| tool | runs | wall s min | wall s median | CPU s median | peak RSS MB | load (1 min) | DuckDB (2 threads) ÷ this, min / median |')
print('|---|---|---|---|---|---|---|---|')
dmin = min(w for w, *_ in runs['duckdb'])
dmed = statistics.median(w for w, *_ in runs['duckdb'])
for v in variants:
    r = runs[v]
    walls = [w for w, *_ in r]
    cpu = statistics.median(c for _, c, _, _ in r)
    rss = max(m for _, _, m, _ in r) / 1024
    loads = [l for *_, l in r]
    print(f'| {v} | {len(r)} | {min(walls):.2f} | {statistics.median(walls):.2f} | {cpu:.2f} | {rss:.0f} |'
          f' {min(loads):.2f}–{max(loads):.2f} | {dmin / min(walls):.2f}× / {dmed / statistics.median(walls):.2f}× |')
PY
