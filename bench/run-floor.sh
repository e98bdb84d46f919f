#!/usr/bin/env bash
# Issue 13's figures in one command, each against the floor app, with the machine's load next to each:
#   - cold start, paired and interleaved (PAIRS pairs, default 6, alternating which app goes first), with the memory
#     store and with AWS Secrets Manager (a local moto_server), split at the function's first poll of the Runtime API
#     into init and first invocation; each also with the SnapStart priming run at start-up;
#   - warm, both functions alive and their invocations interleaved with the harness's own round trip to the target
#     (1,500 warm-up rounds, 1,000 measured): the whole invocation over the floor's, beyond the target's round trip;
#   - fan-out, 50 automations against 1, targets answering in 100 ms;
#   - the classes each app loads up to its first response.
# Then prints the table. About 4 minutes on a quiet machine; results in bench/results/*-floor*.csv.
#
#   flock /tmp/relay-packaged.lock bench/run-floor.sh
#   PAIRS=10 flock /tmp/relay-packaged.lock bench/run-floor.sh
#   RELAY_ZIP=/tmp/old-function.zip ... another relay package than ../target/function.zip
# Needs target/function.zip (./mvnw package); builds bench/ and bench/floor-app. Asserts no timing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# template.yaml's JAVA_TOOL_OPTIONS, plus what JVM ergonomics choose in a 1,024 MB function (see README.md).
lambda="-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m"
pairs="${PAIRS:-6}"
out="$here/results"
log="$here/target/run-floor.log"
started=$SECONDS

"$here/../mvnw" -B -q -f "$here/pom.xml" package
export BENCH_BUILT=1
: > "$log"
step() {
    echo "== $(date -u +%T) $(uptime)" | tee -a "$log"
    "$here/harness.sh" "$@" ${RELAY_ZIP:+--relay-zip "$RELAY_ZIP"} 2>&1 | tee -a "$log"
}
# As deployed without SnapStart, then with the priming dry run at start-up (relay.priming.at-start-up), which stands
# in for the SnapStart hook that this JVM cannot run: its first invocation is what a restored snapshot still does.
primed="-Drelay.priming.at-start-up=true"
step coldstart --runs "$pairs" --label floor-memory --java-opts "$lambda" --out "$out"
step coldstart --runs "$pairs" --label floor-memory-primed --java-opts "$lambda" --relay-opts "$primed" --out "$out"
if command -v moto_server >/dev/null; then
    step coldstart --runs "$pairs" --label floor-aws --java-opts "$lambda" --store aws --out "$out"
    step coldstart --runs "$pairs" --label floor-aws-primed --java-opts "$lambda" --store aws --relay-opts "$primed" \
        --out "$out"
else
    echo "run-floor: moto_server is not on the PATH; skipping the Secrets Manager cold start (pip install 'moto[server]')"
fi
step latency --warmup 1500 --invocations 1000 --java-opts "$lambda" --csv latency-floor.csv --out "$out"
step fanout --sizes 1,50 --warmup 30 --invocations 60 --target-delay-ms 100 --java-opts "$lambda" \
    --csv fanout-floor.csv --out "$out"
step classes --java-opts "$lambda" --out "$out"
echo "== $(date -u +%T) $(uptime)"

echo
echo "| Figure | Relay / floor | Measured | Load (1 min) |"
echo "| --- | --- | --- | --- |"
grep '^table | ' "$log" | sed -E 's/^table \| (.*) \| (.*) \| (.*) \| (.*)$/| \1 | \2 | \3 | \4 |/'
echo
echo "run-floor: done in $((SECONDS - started)) s; the full log is $log"
