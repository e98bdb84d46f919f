#!/usr/bin/env bash
# Every benchmark in its smoke mode, for CI: each builds, sets up, checks its own results (each filter fires, the
# pipeline's signature is the raw HMAC, every dispatch is DELIVERED, both packages start) and runs briefly. It asserts
# no timing. Needs target/function.zip: run ./mvnw package first. Exits non-zero on the first failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
started=$SECONDS
echo "== bench smoke: build"
"$here/../mvnw" -B -q -f "$here/pom.xml" package
export BENCH_BUILT=1 # Each step would otherwise build bench/ again.
for step in "run-trigger.sh --smoke" "run-pipeline.sh --smoke" "run-coldstart.sh --smoke" "run-latency.sh --smoke" \
        "run-memory.sh --smoke" "run-async.sh --smoke"; do
    echo "== bench smoke: $step"
    # shellcheck disable=SC2086 # the step is a script and its argument
    "$here"/$step > "$here/target/smoke.log" 2>&1 || { cat "$here/target/smoke.log"; echo "bench smoke: $step failed" >&2; exit 1; }
    tail -n 3 "$here/target/smoke.log"
done
echo "== bench smoke: all passed in $((SECONDS - started)) s"
