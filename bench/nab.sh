#!/usr/bin/env bash
# Measures the deploy judge on NAB realKnownCause and prints the markdown tables of BENCHMARKS-judge.md.
# Usage: bench/nab.sh [NAB_DIR]   (default: ../shared/data/nab, relative to the repository root)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
NAB_DIR="${1:-../shared/data/nab}"
CLASSPATH_FILE="target/bench-classpath.txt"

./mvnw -B -ntp -q test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >&2
# NAB_JAVA_OPTS=-Dnab.verbose=true prints every judged deploy on stderr.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${NAB_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")" \
  dev.missioncontrol.monitor.NabBenchmark "$NAB_DIR"
