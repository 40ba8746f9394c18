#!/usr/bin/env bash
# The analyst playbook end to end on one large log: time per tool, total time, peak heap.
# Usage: bench/analyst.sh [MEGABYTES | path/to/request.json.gz]   (default: 50 MB generated)
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$DIR/java.sh" -Xmx512m dev.missioncontrol.agent.analyst.AnalystBenchmark "${1:-50}"
