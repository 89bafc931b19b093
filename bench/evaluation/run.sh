#!/usr/bin/env bash
# Evaluation benchmark: the demo province's year absorbed by evaluation, then a steady stream of
# corrections (prints numbers; not part of the test run).
#   bench/evaluation/run.sh [seed] [steady-rate-per-s] [steady-seconds] [read-rate-per-s] [read-seconds]
# Needs the service packaged (mvn -o package -DskipTests -pl services/evaluation -am).
# Starts its own PostgreSQL and Kafka on free loopback ports and stops them at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
module=services/evaluation
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$module/target/quarkus-app/quarkus-run.jar" ]; then
  echo "build the service first: mvn -o package -DskipTests -pl $module -am" >&2
  exit 1
fi
# DemoYear lives in deploy/launcher, DemoProvince in the registry; -am resolves the project's modules.
mvn -B -q -o -pl "$module,deploy/launcher" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="services/institution-registry/target/classes:deploy/launcher/target/classes"
exec "$java" -cp "$module/target/classes:$cp:$(cat "$module/target/bench.classpath")" bench/evaluation/EvaluationBench.java "$@"
