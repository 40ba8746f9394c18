#!/usr/bin/env bash
# The analyst playbook end to end on one large log: time per tool, total time, peak heap.
# Usage: bench/analyst.sh [MEGABYTES | path/to/request.json.gz]   (default: 50 MB generated)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$ROOT"
./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$CP" dev.missioncontrol.agent.analyst.AnalystBenchmark "${1:-50}"
