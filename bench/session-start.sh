#!/usr/bin/env bash
# Time from the 201 of POST /api/v1/agent-sessions/ to the agent's first committed step, p50/p99.
# Usage: bench/session-start.sh [SESSIONS]   (default 1000)
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$DIR/java.sh" -Dorg.slf4j.simpleLogger.log.access=warn dev.missioncontrol.SessionStartBenchmark "${1:-1000}"
