#!/usr/bin/env bash
# Builds bench/ (and the floor app, when its package is missing) and runs the Lambda harness, LambdaBench:
#   bench/harness.sh coldstart|classes|latency|fanout|memory [--name value]...
# It runs ../target/function.zip: build it first with ./mvnw package (-DskipTests will do). BENCH_BUILT=1 skips
# building bench/ itself (smoke.sh builds it once for all its steps).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -f "$here/../target/function.zip" ]] || { echo "harness: $here/../target/function.zip is missing: run ./mvnw package first" >&2; exit 1; }
[[ -n "${BENCH_BUILT:-}" ]] || "$here/../mvnw" -B -q -f "$here/pom.xml" package
if [[ ! -f "$here/floor-app/target/function.zip" || -n "$(find "$here/floor-app/src" "$here/floor-app/pom.xml" -newer "$here/floor-app/target/function.zip" -print -quit)" ]]; then
    "$here/../mvnw" -B -q -f "$here/floor-app/pom.xml" package
fi
cd "$here"
# The runtime API stand-in and the receivers are JDK HttpServers, which write a response's head and body separately:
# without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK hold every body back by about 40 ms.
exec java -Dsun.net.httpserver.nodelay=true -cp "target/classes:$(cat target/classpath.txt)" \
    dev.webhookrelay.bench.LambdaBench "$@"
