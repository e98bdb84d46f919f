#!/usr/bin/env bash
# Builds the trigger benchmark and runs it.
#
#   bench/run-trigger.sh            the measurement recorded in bench/README.md (about 3.5 minutes on 2 cores)
#   bench/run-trigger.sh --smoke    a few seconds, in-process, one short iteration each: for CI, it only proves that
#                                   every benchmark builds, sets up (each filter must fire) and runs
#   bench/run-trigger.sh [JMH args] any other JMH options, e.g. -p kind=ZSCORE -prof gc
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -n "${BENCH_BUILT:-}" ]] || "$here/../mvnw" -B -q -f "$here/pom.xml" package

jar="$here/target/benchmarks.jar"
if [[ "${1:-}" == "--smoke" ]]; then
    shift
    exec java -jar "$jar" TriggerBenchmark -foe true -f 0 -wi 1 -i 1 -w 100ms -r 100ms "$@"
elif [[ $# -gt 0 ]]; then
    exec java -jar "$jar" TriggerBenchmark -foe true "$@"
else
    exec java -jar "$jar" TriggerBenchmark -foe true -f 1 -wi 3 -i 5 -w 1s -r 1s
fi
