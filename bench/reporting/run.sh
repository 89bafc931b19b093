#!/usr/bin/env bash
# Reporting benchmark: the demo province's year through one bulk report job (prints numbers; not
# part of the test run).
#   bench/reporting/run.sh [seed] [singles] [all-or-nothing|good-rows]
# Needs the service packaged (mvn -o package -DskipTests -pl services/reporting -am).
# Starts its own PostgreSQL and Kafka on free loopback ports and stops them at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
module=services/reporting
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$module/target/quarkus-app/quarkus-run.jar" ]; then
  echo "build the service first: mvn -o package -DskipTests -pl $module -am" >&2
  exit 1
fi
# Compiles what the bench reads (DemoYear lives in deploy/launcher, DemoProvince in the registry) and
# writes the reporting module's test classpath; -am resolves the project's own modules from the reactor.
mvn -B -q -o -pl "$module,deploy/launcher" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="services/institution-registry/target/classes:deploy/launcher/target/classes"
exec "$java" -cp "$module/target/classes:$cp:$(cat "$module/target/bench.classpath")" bench/reporting/ReportBench.java "$@"
