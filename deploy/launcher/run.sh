#!/usr/bin/env bash
# Command 1 (called by deploy/tcm.sh up, which has already picked a JDK >= 21).
# Builds what is missing, then runs the launcher. `--build` forces a rebuild first; `--empty` (or
# TCM_DEMO=false) starts the suite without demo data, as a production installation starts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
need_build=0
args=()
for a in "$@"; do
  if [ "$a" = "--build" ]; then need_build=1; else args+=("$a"); fi
done
[ -f deploy/launcher/target/launcher.classpath ] || need_build=1
for s in institution-registry indicator-catalog reporting evaluation; do
  [ -f "services/$s/target/quarkus-app/quarkus-run.jar" ] || need_build=1
done
if [ "$need_build" = 1 ]; then
  echo "Building the suite (first run takes a few minutes: Maven fetches Quarkus, Kafka, Keycloak, PostgreSQL) ..."
  mvn -B -ntp -q install -DskipTests
fi
exec java -Dtcm.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/launcher/target/classes:$(cat deploy/launcher/target/launcher.classpath)" \
  org.tcmeval.launcher.Launcher ${args[@]+"${args[@]}"}
