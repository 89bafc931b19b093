#!/usr/bin/env bash
# Command 1 (called by deploy/tcm.sh up, which has already picked a JDK >= 21).
# Builds what is missing, then runs the launcher. `--build` forces a rebuild first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
need_build=0
[ "${1:-}" = "--build" ] && need_build=1 && shift
[ -f deploy/launcher/target/launcher.classpath ] || need_build=1
for s in institution-registry indicator-catalog reporting evaluation; do
  [ -f "services/$s/target/quarkus-app/quarkus-run.jar" ] || need_build=1
done
if [ "$need_build" = 1 ]; then
  echo "Building the suite (first run takes a few minutes: Maven fetches Quarkus, Kafka, Keycloak, PostgreSQL) ..."
  mvn -B -ntp -q install -DskipTests
fi
exec java -Dtcm.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/launcher/target/classes:$(cat deploy/launcher/target/launcher.classpath)" \
  org.tcmeval.launcher.Launcher "$@"
