#!/usr/bin/env bash
# Runs a benchmark main class from the test sources with the full test classpath and a JDK >= 21.
# Usage: bench/java.sh [JVM_OPTION…] CLASS [ARG…]   (JVM options first, each starting with -)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAVA_HOME="$(./missionctl java-home)"
export JAVA_HOME
CLASSPATH_FILE="target/bench-classpath.txt"
./mvnw -B -ntp -q test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >&2
JVM_OPTS=(--enable-native-access=ALL-UNNAMED)
while [ $# -gt 0 ] && [ "${1#-}" != "$1" ]; do JVM_OPTS+=("$1"); shift; done
exec "$JAVA_HOME/bin/java" "${JVM_OPTS[@]}" -cp "target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")" "$@"
