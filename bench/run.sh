#!/usr/bin/env bash
# Runs the import benchmark (bench/README.md): builds Release, starts a throwaway PostgreSQL 15 on 127.0.0.1 the way
# scripts/test.sh does, measures SQLite and PostgreSQL, stops the server and leaves the Markdown report in bench/results/.
# Not part of the test run: nothing calls it but a person (or a CI job made for it).
#
# Usage: bash bench/run.sh [import options]      e.g. bash bench/run.sh --rows 200000
#   Options go to `Analytics.Benchmarks import` (--rows N, --seed S, --stores LIST, --out DIR, --work DIR, --keep).
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

PG_TMP=""  # temp dir of the throwaway cluster; empty when none was started
PG_BIN=""  # directory holding initdb, pg_ctl, pg_isready

log() { printf '[run.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- PostgreSQL: the same throwaway cluster as scripts/test.sh (functions copied from there) -------------------------

# Prints the directory of the newest PostgreSQL server binaries, or nothing.
find_pg_bin() {
  local initdb dir
  if initdb="$(command -v initdb 2>/dev/null)"; then
    dirname "$(readlink -f "$initdb")"
    return
  fi
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    printf '%s\n' "$dir"
  fi
}

# Runs a PostgreSQL tool as the postgres user when we are root (the server refuses to run as root), else as ourselves.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

ensure_postgres() {
  PG_BIN="$(find_pg_bin)"
  [ -n "$PG_BIN" ] || die "PostgreSQL binaries not found: install the postgresql package, or set ANALYTICS_BENCH_POSTGRES"
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    log "creating the postgres system user"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  log "PostgreSQL binaries: $PG_BIN"
}

# Succeeds when something already accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_for_postgres() {
  local port="$1" i
  for i in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

stop_postgres() {
  if [ -n "$PG_TMP" ] && [ -d "$PG_TMP" ]; then
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m immediate >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
  PG_TMP=""
}

# Starts a fresh cluster in a new temp dir on a free random port and exports ANALYTICS_BENCH_POSTGRES. The settings are
# scripts/test.sh's (fsync, synchronous_commit and full_page_writes off): the report prints them next to the figures.
start_postgres() {
  local parent="${TMPDIR:-/tmp}"
  if [ "$(id -u)" -eq 0 ]; then
    parent=/tmp # the postgres user must be able to reach it; root's TMPDIR may be private
  fi
  PG_TMP="$(mktemp -d "$parent/analytics-bench-pg.XXXXXX")"
  local data="$PG_TMP/data"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_TMP"
  fi
  as_pg "$PG_BIN/initdb" --no-sync -A trust -U postgres -E UTF8 --locale=C -D "$data" >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }

  local attempt port options
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    if port_in_use "$port"; then
      continue
    fi
    # pg_ctl hands these options to a shell: keep them on one line.
    options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$data'"
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    if as_pg "$PG_BIN/pg_ctl" start -D "$data" -l "$PG_TMP/server.log" -w -t 30 -o "$options" >/dev/null 2>&1 \
      && wait_for_postgres "$port"; then
      export ANALYTICS_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      log "PostgreSQL started on 127.0.0.1:$port (data in $data)"
      return 0
    fi
    log "PostgreSQL did not start on port $port (attempt $attempt); server log:"
    tail -n 5 "$PG_TMP/server.log" >&2 || true
    as_pg "$PG_BIN/pg_ctl" stop -D "$data" -m immediate >/dev/null 2>&1 || true
  done
  die "could not start PostgreSQL; see the log above"
}

# --- The benchmark ----------------------------------------------------------------------------------------------------

main() {
  trap stop_postgres EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  log "building Release"
  dotnet build "$PROJECT" -c Release -v quiet -nologo >&2

  if [ -z "${ANALYTICS_BENCH_POSTGRES:-}" ]; then
    ensure_postgres
    start_postgres
  else
    log "PostgreSQL: using ANALYTICS_BENCH_POSTGRES as given"
  fi

  # The built program, not `dotnet run`: nothing else is compiled or restored while it measures.
  "$BUILD_DIR/Analytics.Benchmarks" import "$@"

  stop_postgres
}

main "$@"
