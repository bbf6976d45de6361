# shellcheck shell=bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the test run (scripts/test.sh) and the benchmarks (bench/run.sh):
# finds or installs the binaries, starts a cluster in a temp dir on a free port with durability off (fsync,
# synchronous_commit and full_page_writes), and stops it. Source it after defining log() and die().

PG_TMP=""         # temp dir of the running cluster; empty when none was started
PG_BIN=""         # directory holding initdb, pg_ctl, pg_isready
PG_CONNECTION=""  # Npgsql connection string of the running cluster
APT_UPDATED=0     # apt-get update runs at most once per run

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

# Starts a fresh cluster in a new temp dir (named after $1) on a free random port and sets PG_CONNECTION to its Npgsql
# connection string.
start_postgres() {
  local name="${1:-analytics-pg}"
  local parent="${TMPDIR:-/tmp}"
  if [ "$(id -u)" -eq 0 ]; then
    parent=/tmp # the postgres user must be able to reach it; root's TMPDIR may be private
  fi
  PG_TMP="$(mktemp -d "$parent/$name.XXXXXX")"
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
      PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      log "PostgreSQL started on 127.0.0.1:$port (data in $data)"
      return 0
    fi
    log "PostgreSQL did not start on port $port (attempt $attempt); server log:"
    tail -n 5 "$PG_TMP/server.log" >&2 || true
    as_pg "$PG_BIN/pg_ctl" stop -D "$data" -m immediate >/dev/null 2>&1 || true
  done
  die "could not start PostgreSQL; see the log above"
}
