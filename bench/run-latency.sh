#!/usr/bin/env bash
# Warm latency the relay adds per delivery, then fan-out to 1, 10 and 50 automations, through the Lambda harness.
#
#   bench/run-latency.sh             2,000 warm-up + 5,000 measured invocations; fan-out 200 + 300 per size
#                                    (about 4 minutes); results in bench/results/latency.csv and fanout.csv
#   bench/run-latency.sh --smoke     a few dozen invocations of each: proves every path delivers; asserts no timing
# Needs target/function.zip (./mvnw package); builds bench/floor-app when its package is missing or stale.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lambda="-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m"

if [[ "${1:-}" == "--smoke" ]]; then
    "$here/harness.sh" latency --warmup 20 --invocations 30 --java-opts "$lambda" --work target/work-smoke
    exec "$here/harness.sh" fanout --sizes 1,10 --warmup 5 --invocations 5 --java-opts "$lambda" --work target/work-smoke
fi
out="$here/results"
echo "== $(date -u +%FT%TZ) $(uptime)"
"$here/harness.sh" latency --warmup "${WARMUP:-2000}" --invocations "${INVOCATIONS:-5000}" --java-opts "$lambda" --out "$out"
echo "== $(uptime)"
"$here/harness.sh" fanout --sizes 1,10,50 --warmup 200 --invocations 300 --java-opts "$lambda" --out "$out"
echo "== $(uptime)"
