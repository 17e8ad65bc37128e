#!/usr/bin/env bash
# Project-local PostgreSQL + PostGIS cluster: never touches a system cluster.
#   scripts/postgis.sh start [database ...]   install (Debian) if missing, init, start, create databases
#   scripts/postgis.sh stop | status | url [database] | drop database
# Settings (environment): CARECIRCLE_PG_DIR (data, socket and log; default .postgis in the project),
# CARECIRCLE_PG_PORT (55432; if another server holds it, the next free port, remembered in the data
# folder), CARECIRCLE_DB_USER / CARECIRCLE_DB_PASSWORD (carecircle / carecircle). `start` and `url` print
# the JDBC URL last; the other scripts pass it on to the service.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pg_dir=${CARECIRCLE_PG_DIR:-$root/.postgis}
port=${CARECIRCLE_PG_PORT:-55432}
db_user=${CARECIRCLE_DB_USER:-carecircle}
db_password=${CARECIRCLE_DB_PASSWORD:-carecircle}
data="$pg_dir/data"
socket="$pg_dir/socket"
log="$pg_dir/postgres.log"
port_file="$pg_dir/port"
[ -z "${CARECIRCLE_PG_PORT:-}" ] && [ -f "$port_file" ] && port=$(cat "$port_file")

say() { echo "postgis.sh: $*" >&2; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    local version
    version=$(basename "$(dirname "$dir")")
    if [ -f "/usr/share/postgresql/$version/extension/postgis.control" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_packages() {
  if [ ! -f /etc/debian_version ] || ! command -v apt-get >/dev/null; then
    say "PostgreSQL with PostGIS 3 is not installed and this is not a Debian system."
    say "Install PostgreSQL 15+ and PostGIS 3 with your package manager, or point the service at an"
    say "existing PostGIS database: CARECIRCLE_DB_URL=jdbc:postgresql://HOST:PORT/DB,"
    say "CARECIRCLE_DB_USER and CARECIRCLE_DB_PASSWORD (see README, 'Using an existing PostGIS')."
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing postgresql and postgresql-15-postgis-3 (Debian packages)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    postgresql postgresql-15-postgis-3 >/dev/null
}

# initdb and pg_ctl refuse to run as root: run them as the postgres user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

psql_admin() {
  as_owner "$bin/psql" -h "$socket" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

running() {
  [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

url() {
  echo "jdbc:postgresql://127.0.0.1:$port/${1:-carecircle}"
}

ensure_database() {
  local db=$1
  if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE \"$db\" OWNER \"$db_user\""
    say "created database $db"
  fi
  psql_admin -d "$db" -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS postgis"
}

start() {
  bin=$(find_bin) || { install_packages; bin=$(find_bin) || { say "PostGIS still not found after install"; exit 1; }; }
  if ! running; then
    mkdir -p "$pg_dir" "$socket"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$pg_dir"; fi
    # another checkout's cluster (or any server) on the port: take the next free one
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port" >"$port_file"
    if [ ! -f "$data/PG_VERSION" ]; then
      say "initialising a new cluster in $data"
      as_owner "$bin/initdb" -D "$data" -U postgres --locale=C.UTF-8 --encoding=UTF8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    fi
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-p $port -k $socket -c listen_addresses=127.0.0.1" start >/dev/null \
      || { say "could not start PostgreSQL; its log ($log) ends with:"; tail -n 20 "$log" >&2; exit 1; }
    say "started PostgreSQL on 127.0.0.1:$port (data in $data)"
  else
    say "reusing the running cluster on 127.0.0.1:$port"
  fi
  if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$db_user'")" ]; then
    psql_admin -d postgres -c "CREATE ROLE \"$db_user\" LOGIN PASSWORD '$db_password'"
  fi
  local db
  for db in "${@:-carecircle}"; do ensure_database "$db"; done
  url "${1:-carecircle}"
}

command=${1:-}
shift || true
case "$command" in
  start) start "$@" ;;
  stop)
    bin=$(find_bin) || { say "no PostgreSQL installed"; exit 0; }
    if running; then as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; say "stopped"; else say "not running"; fi ;;
  status)
    bin=$(find_bin) || { say "no PostgreSQL with PostGIS installed"; exit 3; }
    if running; then say "running on 127.0.0.1:$port (data in $data)"; else say "not running"; exit 3; fi ;;
  url) url "${1:-carecircle}" ;;
  drop)
    bin=$(find_bin) || { say "no PostgreSQL installed"; exit 0; }
    running || { say "not running"; exit 3; }
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"${1:?drop needs a database}\" WITH (FORCE)" ;;
  *) echo "usage: scripts/postgis.sh start [database ...] | stop | status | url [database] | drop database" >&2; exit 2 ;;
esac
