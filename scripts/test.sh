#!/usr/bin/env bash
# Runs the whole test suite: the one command for developers and CI (`bash scripts/test.sh`).
#
# It installs what the tests need when it is missing (PostgreSQL binaries, Chromium), starts a throwaway PostgreSQL
# cluster on 127.0.0.1 for the duration of the run, runs `dotnet test` on the solution, and prints the totals of every
# .trx report as its very last line: `N passed, N failed, N skipped`.
#
# Environment:
#   ANALYTICS_TEST_POSTGRES  when set, that server is used and none is started (an Npgsql connection string).
#   ANALYTICS_TEST_CHROMIUM  when set to an executable, that browser is used and none is installed.
#   ANALYTICS_TEST_RESULTS   where the .trx reports go (default: TestResults/ in the repository, emptied first).
#   CI                       when "true", MSBuild and compiler servers are not left running after the run.
#
# Exit code: non-zero when dotnet test failed, when a test failed, or when no test passed at all.
set -euo pipefail

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS_DIR="${ANALYTICS_TEST_RESULTS:-$REPO_ROOT/TestResults}"

PG_TMP=""      # temp dir of the throwaway cluster; empty when none was started
PG_BIN=""      # directory holding initdb, pg_ctl, pg_isready
APT_UPDATED=0  # apt-get update runs at most once per run
PASSED=0 FAILED=0 SKIPPED=0 DOTNET_STATUS=0
SUMMARY_PRINTED=0

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs a command as root: directly when we are root, through sudo when it exists, else fails with a clear message.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root to run '$*' (not root and no sudo); install it by hand"
  fi
}

# Installs Debian packages without prompts (CI has no stdin); refreshes the package lists once.
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}

# Prints the directory of the newest PostgreSQL server binaries, or nothing. initdb on PATH may be a symlink
# (/usr/local/bin/initdb); the real directory also holds pg_ctl and a pg_isready of the same version.
find_pg_bin() {
  local initdb
  if initdb="$(command -v initdb 2>/dev/null)"; then
    dirname "$(readlink -f "$initdb")"
    return
  fi
  # Debian does not put the server binaries on PATH: pick the highest version installed.
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    printf '%s\n' "$dir"
  fi
}

ensure_postgres_binaries() {
  PG_BIN="$(find_pg_bin)"
  if [ -z "$PG_BIN" ]; then
    apt_install postgresql
    PG_BIN="$(find_pg_bin)"
  fi
  [ -n "$PG_BIN" ] || die "PostgreSQL binaries not found even after installing the postgresql package"
  log "PostgreSQL binaries: $PG_BIN"
}

ensure_chromium() {
  if [ -n "${ANALYTICS_TEST_CHROMIUM:-}" ] && [ -x "$ANALYTICS_TEST_CHROMIUM" ]; then
    log "Chromium: $ANALYTICS_TEST_CHROMIUM (from ANALYTICS_TEST_CHROMIUM)"
    return
  fi
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
  fi
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing even after installing the chromium package"
  export ANALYTICS_TEST_CHROMIUM=/usr/bin/chromium
  log "Chromium: $ANALYTICS_TEST_CHROMIUM"
}

# Runs a PostgreSQL tool as the postgres user when we are root (the server refuses to run as root), else as ourselves.
# From /, because the postgres user may not be allowed into the current directory (a clone under /root, say).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Debian's package creates the postgres user; binaries that came another way may not have.
ensure_postgres_user() {
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    log "creating the postgres system user"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

# Succeeds when something already accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A server killed with -9 leaves postmaster.pid and socket lock files behind, and pg_ctl may then believe it still
# runs. When nothing answers on the port, those files are stale: remove them so the next start is not refused.
remove_stale_pid() {
  local data="$1" port="$2"
  if [ -f "$data/postmaster.pid" ] && ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
    log "removing stale postmaster.pid in $data"
    rm -f "$data/postmaster.pid" "$data"/.s.PGSQL.*.lock
  fi
}

# Waits, boundedly, until the server accepts connections.
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
    # Immediate: the data is thrown away, so there is nothing worth a clean shutdown.
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m immediate >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
  PG_TMP=""
}

# Starts a fresh cluster in a new temp dir on a free random port and exports ANALYTICS_TEST_POSTGRES.
start_postgres() {
  local parent="${TMPDIR:-/tmp}"
  if [ "$(id -u)" -eq 0 ]; then
    parent=/tmp # the postgres user must be able to reach it; root's TMPDIR may be private
  fi
  PG_TMP="$(mktemp -d "$parent/analytics-pg.XXXXXX")"
  local data="$PG_TMP/data"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_TMP"
  fi
  as_pg "$PG_BIN/initdb" --no-sync -A trust -U postgres -E UTF8 --locale=C -D "$data" >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }

  # Try a few random high ports: another run (or another project) may hold one of them.
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    if port_in_use "$port"; then
      continue
    fi
    remove_stale_pid "$data" "$port"
    # pg_ctl hands these options to a shell: keep them on one line.
    local options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$data'"
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    if as_pg "$PG_BIN/pg_ctl" start -D "$data" -l "$PG_TMP/server.log" -w -t 30 -o "$options" >/dev/null 2>&1 \
      && wait_for_postgres "$port"; then
      export ANALYTICS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      log "PostgreSQL started on 127.0.0.1:$port (data in $data)"
      return 0
    fi
    log "PostgreSQL did not start on port $port (attempt $attempt); server log:"
    tail -n 5 "$PG_TMP/server.log" >&2 || true
    as_pg "$PG_BIN/pg_ctl" stop -D "$data" -m immediate >/dev/null 2>&1 || true
  done
  die "could not start PostgreSQL; see the log above"
}

# Prints the value of one attribute of the <Counters> element of a .trx file (0 when absent).
trx_counter() {
  local counters="$1" name="$2" value
  value="$(printf '%s\n' "$counters" | grep -o "[[:space:]]$name=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)"
  printf '%s\n' "${value:-0}"
}

# Sums the counters of every .trx under $RESULTS_DIR into PASSED, FAILED, SKIPPED.
sum_trx_counters() {
  local trx counters name reported written
  # Each test project writes its own .trx, named by the second it finished; VSTest adds a suffix on a clash, but two
  # projects finishing at the very same moment could still overwrite one. Failures would still fail the run through
  # dotnet test's exit code; only the totals would be short, so warn rather than fail.
  reported="$(grep -c '^Results File: .*\.trx$' "$RESULTS_DIR/dotnet-test.log" || true)"
  written="$(find "$RESULTS_DIR" -name '*.trx' | wc -l)"
  if [ "${reported:-0}" -ne "$written" ]; then
    log "warning: dotnet test reported $reported .trx files but $written exist: totals may be incomplete"
  fi
  while IFS= read -r -d '' trx; do
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
    if [ -z "$counters" ]; then
      log "warning: no <Counters> in $trx"
      continue
    fi
    PASSED=$((PASSED + $(trx_counter "$counters" passed)))
    # A test that errored, timed out, was aborted or lost its test host did not pass: count it as failed.
    for name in failed error timeout aborted disconnected; do
      FAILED=$((FAILED + $(trx_counter "$counters" "$name")))
    done
    for name in notExecuted inconclusive notRunnable pending; do
      SKIPPED=$((SKIPPED + $(trx_counter "$counters" "$name")))
    done
  done < <(find "$RESULTS_DIR" -name '*.trx' -print0)
}

# Runs every test project of the solution (VSTest; each writes its own .trx). Sets DOTNET_STATUS.
run_dotnet_test() {
  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"
  if [ "${CI:-}" = "true" ]; then
    # Build servers outlive the run and would keep CI's process tree alive.
    export MSBUILDDISABLENODEREUSE=1
    export DOTNET_CLI_USE_MSBUILD_SERVER=0
  fi
  DOTNET_STATUS=0
  # --blame-hang-timeout: a hung test is killed and reported long before CI's own time limit, without a dump.
  (cd "$REPO_ROOT" && dotnet test Analytics.sln -c Release --logger trx --results-directory "$RESULTS_DIR" \
    --blame-hang-timeout 15m --blame-hang-dump-type none) 2>&1 | tee "$RESULTS_DIR/dotnet-test.log" \
    || DOTNET_STATUS=$?
  if [ "${CI:-}" = "true" ]; then
    dotnet build-server shutdown >/dev/null 2>&1 || true
  fi
}

# Always the very last line of output, even when the run stops early (then with zero totals), so tools can parse it.
print_summary() {
  SUMMARY_PRINTED=1
  printf '%d passed, %d failed, %d skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
}

on_exit() {
  stop_postgres
  if [ "$SUMMARY_PRINTED" -eq 0 ]; then
    print_summary
  fi
}

main() {
  trap on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  ensure_chromium
  if [ -z "${ANALYTICS_TEST_POSTGRES:-}" ]; then
    ensure_postgres_binaries
    ensure_postgres_user
    start_postgres
  else
    log "PostgreSQL: using ANALYTICS_TEST_POSTGRES as given"
  fi

  run_dotnet_test
  sum_trx_counters
  # Stop the server before the summary: pg_ctl must print nothing after it.
  stop_postgres

  local status=0
  if [ "$DOTNET_STATUS" -ne 0 ]; then
    log "dotnet test exited with $DOTNET_STATUS"
    status=1
  fi
  if [ "$FAILED" -gt 0 ]; then
    status=1
  fi
  if [ "$PASSED" -eq 0 ]; then
    log "no test passed: treating the run as failed"
    status=1
  fi
  print_summary
  return "$status"
}

main "$@"
