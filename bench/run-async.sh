#!/usr/bin/env bash
# The async mode with the memory stores: added latency to the first attempt (async over sync), deliveries per second
# of the in-process consumer from dispatches of 10 automations, heap after a full GC over 30,000 queued deliveries.
#
#   bench/run-async.sh              the measurement (about 2 minutes): 30,000 deliveries, past the memory status
#                                   store's 10,000 records; bench/results/async-memory.csv
#   bench/run-async.sh --smoke      20 latency runs and 100 deliveries: proves it works; asserts no timing
# Needs target/function.zip (./mvnw package) and jcmd (part of the JDK).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lambda="-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m"

if [[ "${1:-}" == "--smoke" ]]; then
    exec "$here/harness.sh" async --latency-runs 20 --deliveries 100 --every 50 --java-opts "$lambda" --work target/work-smoke
fi
echo "== $(date -u +%FT%TZ) $(uptime)"
"$here/harness.sh" async --latency-runs 200 --deliveries 30000 --every 5000 --java-opts "$lambda" --out "$here/results"
echo "== $(uptime)"
