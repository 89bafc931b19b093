#!/usr/bin/env bash
# The project's two commands (see README.md):
#   deploy/tcm.sh up     build what is missing, start PostgreSQL, Kafka, Keycloak and the four
#                        services on loopback, load demo data; Ctrl-C stops everything.
#                        --build rebuilds first; --empty (or TCM_DEMO=false) loads no demo data.
#   deploy/tcm.sh test   run every test (what CI runs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return
  fi
  local candidate best="" best_major=0 major
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate" 2>/dev/null || echo 0)"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v java >/dev/null; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    major="$(java_major "$candidate" 2>/dev/null || echo 0)"
    [ "${major:-0}" -ge 21 ] 2>/dev/null && best="$candidate"
  fi
  if [ -z "$best" ]; then
    echo "error: this project needs a JDK 21 or newer. Set JAVA_HOME to one (found none under /usr/lib/jvm)." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

pick_jdk
export PATH="$JAVA_HOME/bin:$PATH"
mvn_args=(-B -ntp)

case "${1:-}" in
  test)
    shift
    exec mvn "${mvn_args[@]}" verify "$@"
    ;;
  up)
    shift
    exec deploy/launcher/run.sh "$@"
    ;;
  *)
    echo "usage: deploy/tcm.sh up|test" >&2
    exit 2
    ;;
esac
