#!/usr/bin/env bash
# Time to judge one metric with and without 48 windows of history (EarlierWindows), ms per metric and the ratio.
# Usage: bench/judge-cost.sh [ROUNDS]   (default 20)
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$DIR/java.sh" dev.missioncontrol.monitor.JudgeCostBenchmark "${1:-20}"
