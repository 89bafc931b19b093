#!/usr/bin/env bash
# Reporting benchmark: the demo province's year through one bulk report job (prints numbers; not
# part of the test run).
#   bench/reporting/run.sh [seed] [singles] [all-or-nothing|good-rows]
# Needs the service packaged (mvn -o package -DskipTests -pl services/reporting -am).
# Starts its own PostgreSQL and Kafka on free loopback ports and stops them at the end.
exec "$(dirname "${BASH_SOURCE[0]}")/../run-bench.sh" services/reporting bench/reporting/ReportBench.java \
  services/institution-registry deploy/launcher -- "$@"
