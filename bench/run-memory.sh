#!/usr/bin/env bash
# Heap after a full GC and RSS of the packaged relay over 10,000 dispatches after a 2,000-dispatch warm-up, each
# dispatch with its own event id, filter regex and template text (so that every cache fills to its bound).
#
#   bench/run-memory.sh              the measurement recorded in bench/README.md (about 1 minute); bench/results/memory.csv
#   bench/run-memory.sh --smoke      200 + 200 dispatches: proves the checkpoints (jcmd, /proc) work; asserts no size
# Needs target/function.zip (./mvnw package) and jcmd (part of the JDK).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lambda="-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m"

if [[ "${1:-}" == "--smoke" ]]; then
    exec "$here/harness.sh" memory --warmup 200 --dispatches 200 --every 100 --java-opts "$lambda" --work target/work-smoke
fi
echo "== $(date -u +%FT%TZ) $(uptime)"
"$here/harness.sh" memory --warmup 2000 --dispatches 10000 --every 2000 --java-opts "$lambda" --out "$here/results"
echo "== $(uptime)"
