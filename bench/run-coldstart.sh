#!/usr/bin/env bash
# Cold start of the packaged relay against the floor app, process start to the first response, alternating runs.
#
#   bench/run-coldstart.sh           10 runs of each app under each JVM flag set below, then with the relay reading its
#                                    secrets from AWS Secrets Manager (a local moto_server, when it is on the PATH), then
#                                    the class-load census; results in bench/results/coldstart-*.csv (about 10 minutes)
#   bench/run-coldstart.sh --smoke   one run of each app with the template's flags: proves both packages start and
#                                    answer (the relay's dispatch is DELIVERED); asserts no timing
#   RUNS=20 bench/run-coldstart.sh   more runs
# Needs target/function.zip (./mvnw package); builds bench/floor-app when its package is missing or stale.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# template.yaml's JAVA_TOOL_OPTIONS.
template="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
# What JVM ergonomics pick in a 1,024 MB function, which is not a server-class machine: the serial collector and a
# heap of at most a quarter of the memory.
lambda="$template -XX:+UseSerialGC -Xmx256m"

if [[ "${1:-}" == "--smoke" ]]; then
    exec "$here/harness.sh" coldstart --runs 1 --label smoke --java-opts "$template" --work target/work-smoke
fi
runs="${RUNS:-10}"
out="$here/results"
echo "== $(date -u +%FT%TZ) $(uptime)"
"$here/harness.sh" coldstart --runs "$runs" --label jdk-defaults --java-opts "" --out "$out"
echo "== $(uptime)"
"$here/harness.sh" coldstart --runs "$runs" --label template --java-opts "$template" --out "$out"
echo "== $(uptime)"
"$here/harness.sh" coldstart --runs "$runs" --label lambda --java-opts "$lambda" --out "$out"
echo "== $(uptime)"
"$here/harness.sh" coldstart --runs "$runs" --label lambda-appcds --java-opts "$lambda" --appcds true --out "$out" 2>&1 \
    | grep -v 'Preload Warning'
echo "== $(uptime)"
if command -v moto_server >/dev/null; then
    # The relay as configured in production: its secrets from AWS Secrets Manager (a local moto_server).
    "$here/harness.sh" coldstart --runs "$runs" --label lambda-aws-store --java-opts "$lambda" --store aws --out "$out"
    echo "== $(uptime)"
else
    echo "run-coldstart: moto_server is not on the PATH; skipping the AWS Secrets Manager variant (pip install 'moto[server]')"
fi
"$here/harness.sh" classes --java-opts "$lambda" --out "$out"
