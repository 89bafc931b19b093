#!/usr/bin/env bash
# Import benchmark of the institution registry (prints numbers; not part of the test run).
#   bench/registry/run.sh [seed] [rounds]
# Needs the service packaged (mvn -o package -DskipTests -pl services/institution-registry -am). Starts its own
# PostgreSQL and Kafka on free loopback ports and stops them at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
module=services/institution-registry
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$module/target/quarkus-app/quarkus-run.jar" ]; then
  echo "build the service first: mvn -o package -DskipTests -pl $module -am" >&2
  exit 1
fi
mvn -B -q -o -pl "$module" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
exec "$java" -cp "$module/target/classes:$(cat "$module/target/bench.classpath")" bench/registry/ImportBench.java "$@"
