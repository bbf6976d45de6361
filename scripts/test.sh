#!/usr/bin/env bash
# Runs the whole test suite: the one command for developers and CI (`bash scripts/test.sh`).
#
# It installs what the tests need when it is missing (PostgreSQL binaries, Chromium, python3 with smtpd), starts a throwaway PostgreSQL
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

PASSED=0 FAILED=0 SKIPPED=0 DOTNET_STATUS=0
SUMMARY_PRINTED=0

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# shellcheck source=lib/postgres.sh
source "$REPO_ROOT/scripts/lib/postgres.sh"

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

# The SMTP server of the delivery tests runs on Python's standard-library smtpd module (removed in Python 3.12;
# Debian 12's python3 is 3.11).
ensure_python_smtpd() {
  if ! python3 -W ignore -c 'import smtpd' >/dev/null 2>&1; then
    apt_install python3
  fi
  python3 -W ignore -c 'import smtpd' >/dev/null 2>&1 \
    || die "python3 has no smtpd module (Python 3.12 removed it): the SMTP test server needs Python 3.11"
  log "Python: $(python3 --version 2>&1) with smtpd"
}

# pdftoppm and pdftotext (poppler-utils) rasterise and read the quarterly review's PDF in the report tests.
ensure_poppler() {
  if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    apt_install poppler-utils
  fi
  command -v pdftoppm >/dev/null 2>&1 || die "pdftoppm is missing even after installing the poppler-utils package"
  log "poppler: $(command -v pdftoppm)"
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
  ensure_python_smtpd
  ensure_poppler
  if [ -z "${ANALYTICS_TEST_POSTGRES:-}" ]; then
    ensure_postgres_binaries
    ensure_postgres_user
    start_postgres analytics-pg
    export ANALYTICS_TEST_POSTGRES="$PG_CONNECTION"
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
