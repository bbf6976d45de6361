#!/usr/bin/env bash
# Runs the import benchmark (bench/README.md): builds Release, starts a throwaway PostgreSQL 15 on 127.0.0.1 the way
# scripts/test.sh does, measures SQLite and PostgreSQL, stops the server and leaves the Markdown report in bench/results/.
# Not part of the test run: nothing calls it but a person (or a CI job made for it).
#
# Usage: bash bench/run.sh [import options]      e.g. bash bench/run.sh --rows 200000
#   Options go to `Analytics.Benchmarks import` (--rows N, --seed S, --stores LIST, --out DIR, --work DIR, --keep).
#        bash bench/run.sh signals [signals options]      e.g. bash bench/run.sh signals --scale 0.1 --work /var/tmp/sig
#   The signals benchmark instead (--scale X, --seed S, --work DIR, --stores LIST, --only a,b, --timeout S, --out DIR).
#        bash bench/run.sh github [github options]        e.g. bash bench/run.sh github --prs 2000
#   The GitHub collection benchmark instead (--prs N, --repos M, --seed S, --stores LIST, --work DIR, --out DIR).
#
# Environment:
#   ANALYTICS_BENCH_POSTGRES  when set, that server is used and none is started (an Npgsql connection string; the user
#                             must be allowed to create databases).
#
# Exit code: non-zero when the build, the server start or a measurement failed.
set -euo pipefail

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$REPO_ROOT/bench/Analytics.Benchmarks/Analytics.Benchmarks.csproj"
BUILD_DIR="$REPO_ROOT/bench/Analytics.Benchmarks/bin/Release/net10.0"

log() { printf '[run.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# The same throwaway cluster as scripts/test.sh.
# shellcheck source=../scripts/lib/postgres.sh
source "$REPO_ROOT/scripts/lib/postgres.sh"

# --- The benchmark ----------------------------------------------------------------------------------------------------

main() {
  trap stop_postgres EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  log "building Release"
  dotnet build "$PROJECT" -c Release -v quiet -nologo >&2

  if [ -z "${ANALYTICS_BENCH_POSTGRES:-}" ]; then
    ensure_postgres_binaries
    ensure_postgres_user
    start_postgres analytics-bench-pg
    export ANALYTICS_BENCH_POSTGRES="$PG_CONNECTION"
  else
    log "PostgreSQL: using ANALYTICS_BENCH_POSTGRES as given"
  fi

  # The built program, not `dotnet run`: nothing else is compiled or restored while it measures.
  if [ "${1:-}" = "signals" ] || [ "${1:-}" = "github" ]; then
    local command="$1"
    shift
    "$BUILD_DIR/Analytics.Benchmarks" "$command" "$@"
  else
    "$BUILD_DIR/Analytics.Benchmarks" import "$@"
  fi

  stop_postgres
}

main "$@"
