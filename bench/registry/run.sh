#!/usr/bin/env bash
# Import benchmark of the institution registry (prints numbers; not part of the test run).
#   bench/registry/run.sh [seed] [rounds]
# Needs the service packaged (mvn -o package -DskipTests -pl services/institution-registry -am). Starts its own
# PostgreSQL and Kafka on free loopback ports and stops them at the end.
exec "$(dirname "${BASH_SOURCE[0]}")/../run-bench.sh" services/institution-registry bench/registry/ImportBench.java \
  -- "$@"
