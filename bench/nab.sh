#!/usr/bin/env bash
# Measures the deploy judge on NAB realKnownCause and prints the markdown tables of BENCHMARKS.md.
# Usage: bench/nab.sh [NAB_DIR]   (default: ../shared/data/nab, relative to the repository root)
# NAB_JAVA_OPTS=-Dnab.verbose=true prints every judged deploy on stderr; with
# NAB_JAVA_OPTS=-Dnab.categories=realTraffic,realAdExchange,realAWSCloudwatch,artificialWithAnomaly and a copy of numenta/NAB as
# NAB_DIR it measures the categories the judge was not developed on.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$DIR/java.sh" ${NAB_JAVA_OPTS:-} dev.missioncontrol.monitor.NabBenchmark "${1:-../shared/data/nab}"
