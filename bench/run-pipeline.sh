#!/usr/bin/env bash
# Builds the JMH benchmarks and runs the pipeline benchmark (PipelineBenchmark) against raw HMAC-SHA256.
#
#   bench/run-pipeline.sh            the measurement recorded in bench/README.md (about 4 minutes; the pipeline needs
#                                    about 10 s of warm-up before C2 has compiled it)
#   bench/run-pipeline.sh --smoke    a few seconds, in-process, one short iteration each: for CI, it only proves that
#                                    the benchmark builds, its setup checks pass (the automation fires, the pipeline's
#                                    signature equals the raw HMAC of the same bytes) and every method runs
#   bench/run-pipeline.sh [JMH args] any other JMH options, e.g. -prof gc or -prof stack
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -n "${BENCH_BUILT:-}" ]] || "$here/../mvnw" -B -q -f "$here/pom.xml" package

jar="$here/target/benchmarks.jar"
if [[ "${1:-}" == "--smoke" ]]; then
    shift
    exec java -jar "$jar" PipelineBenchmark -foe true -f 0 -wi 1 -i 1 -w 100ms -r 100ms "$@"
elif [[ $# -gt 0 ]]; then
    exec java -jar "$jar" PipelineBenchmark -foe true "$@"
else
    exec java -jar "$jar" PipelineBenchmark -foe true -f 2 -wi 10 -i 5 -w 1s -r 1s
fi
