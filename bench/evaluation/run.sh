#!/usr/bin/env bash
# Evaluation benchmark: the demo province's year absorbed by evaluation, then a steady stream of
# corrections (prints numbers; not part of the test run).
#   bench/evaluation/run.sh [seed] [steady-rate-per-s] [steady-seconds] [read-rate-per-s] [read-seconds]
# Needs the service packaged (mvn -o package -DskipTests -pl services/evaluation -am).
# Starts its own PostgreSQL and Kafka on free loopback ports and stops them at the end.
exec "$(dirname "${BASH_SOURCE[0]}")/../run-bench.sh" services/evaluation bench/evaluation/EvaluationBench.java \
  services/institution-registry deploy/launcher -- "$@"
