#!/usr/bin/env bash
# Log template mining on Loghub-2k: GA and PA per system beside Drain's published numbers.
# Usage: bench/loghub.sh [LOGHUB_DIR]   (default: ../shared/data/loghub relative to the repository)
#        bench/loghub.sh --throughput [MEGABYTES]   (synthetic large log: lines/s and peak heap)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$ROOT"
./mvnw -B -ntp -q test-compile >&2
CP="target/classes:target/test-classes"
if [ "${1:-}" = "--throughput" ]; then
  shift
  exec "$JAVA_HOME/bin/java" -Xmx256m -cp "$CP" dev.missioncontrol.logs.MinerThroughput "${1:-50}" "$(cd "$ROOT/.." && pwd)/shared/data/loghub"
fi
exec "$JAVA_HOME/bin/java" -cp "$CP" dev.missioncontrol.logs.LoghubBenchmark "${1:-$(cd "$ROOT/.." && pwd)/shared/data/loghub}"
