#!/usr/bin/env bash
# Log template mining on Loghub-2k: GA and PA per system beside Drain's published numbers.
# Usage: bench/loghub.sh [LOGHUB_DIR]   (default: ../shared/data/loghub relative to the repository)
#        bench/loghub.sh --throughput [MEGABYTES]   (synthetic large log: lines/s and peak heap)
#        bench/loghub.sh --crowded [LINES]          (worst case: every line in one tree leaf, none alike)
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="$(cd "$DIR/../.." && pwd)/shared/data/loghub"
if [ "${1:-}" = "--throughput" ]; then
  exec "$DIR/java.sh" -Xmx256m dev.missioncontrol.logs.MinerThroughput "${2:-50}" "$DATA"
fi
if [ "${1:-}" = "--crowded" ]; then
  exec "$DIR/java.sh" dev.missioncontrol.logs.CrowdedLeafBenchmark "${2:-40000}"
fi
exec "$DIR/java.sh" dev.missioncontrol.logs.LoghubBenchmark "${1:-$DATA}"
