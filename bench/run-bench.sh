#!/usr/bin/env bash
# What every bench/*/run.sh does, once: checks that the service is packaged, compiles what the bench
# reads and writes the module's test class path (-am resolves the project's own modules from the
# reactor), then runs the bench's single source file on it.
#   bench/run-bench.sh <service module> <bench source> [extra module ...] -- [bench arguments]
# An extra module's classes go on the class path (deploy/launcher holds DemoYear, the registry
# DemoProvince). Starts nothing itself: the bench starts its own PostgreSQL and Kafka.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
module=$1
source=$2
shift 2
extra=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  extra+=("$1")
  shift
done
[ $# -gt 0 ] && shift
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$module/target/quarkus-app/quarkus-run.jar" ]; then
  echo "build the service first: mvn -o package -DskipTests -pl $module -am" >&2
  exit 1
fi
projects="$module"
cp="$module/target/classes"
for m in "${extra[@]}"; do
  projects="$projects,$m"
  cp="$cp:$m/target/classes"
done
mvn -B -q -o -pl "$projects" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
exec "$java" -cp "$cp:$(cat "$module/target/bench.classpath")" "$source" "$@"
