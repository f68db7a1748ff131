#!/usr/bin/env bash
# Makes this machine's PostgreSQL data folder a synchronous standby of the primary: a base backup
# with pg_basebackup that also creates the standby's replication slot on the primary and writes
# the recovery settings (standby.signal, and primary_conninfo with the standby's application_name
# and primary_slot_name in postgresql.auto.conf). It does not start the server: start it as usual
# (Debian: `systemctl start postgresql@15-main`), then check on the primary that
#   SELECT application_name, state, sync_state FROM pg_stat_replication;
# shows this standby `streaming` and `sync` (docs/operations.md).
#
# Run it as the postgres user, into an empty (or absent) data folder, with the server stopped:
#   sudo -u postgres deploy/postgresql/make-standby.sh --primary 10.0.0.1 --name sichtbar_db2 \
#       --data /var/lib/postgresql/15/main [--port 5432] [--passfile ~postgres/.pgpass]
#
#   --name      this standby's name: its application_name, which synchronous_standby_names on the
#               primary lists (sichtbar-replication.conf), and its replication slot's name
#   --passfile  the replication role's password, in libpq's .pgpass form
#               (`10.0.0.1:5432:replication:replicator:PASSWORD`, mode 0600); the password is
#               never put on a command line
#   --sslmode   libpq's sslmode for the replication connection (default `require`; the test uses
#               `disable` on loopback)
#   --user      the replication role (default `replicator`)
#   --bindir    PostgreSQL's programs (default: the newest /usr/lib/postgresql/*/bin)
#
# The slot must not exist on the primary yet. After a failed attempt drop it there first:
#   SELECT pg_drop_replication_slot('sichtbar_db2');
set -euo pipefail

primary="" port=5432 name="" data="" user=replicator passfile="${HOME:-}/.pgpass" sslmode=require bindir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --primary) primary=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --passfile) passfile=$2; shift 2 ;;
    --sslmode) sslmode=$2; shift 2 ;;
    --bindir) bindir=$2; shift 2 ;;
    *) echo "make-standby.sh: unknown argument $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
done
if [ -z "$primary" ] || [ -z "$name" ] || [ -z "$data" ]; then
  echo "usage: make-standby.sh --primary HOST --name NAME --data DIR [--port P] [--passfile F] [--sslmode M] [--user U]" >&2
  exit 2
fi
# The name is both an application_name and a slot name: lower-case letters, digits, underscores.
if ! [[ "$name" =~ ^[a-z0-9_]{1,63}$ ]]; then
  echo "make-standby.sh: --name is lower-case letters, digits and underscores (it names the slot too)" >&2
  exit 2
fi
if [ -z "$bindir" ]; then
  bindir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)
fi
if [ ! -x "$bindir/pg_basebackup" ]; then
  echo "make-standby.sh: pg_basebackup not found (give --bindir)" >&2
  exit 2
fi
if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then
  echo "make-standby.sh: $data is not empty; stop the server and move the old data folder away first" >&2
  exit 2
fi
if [ ! -r "$passfile" ]; then
  echo "make-standby.sh: no password file $passfile (host:port:replication:$user:PASSWORD, mode 0600)" >&2
  exit 2
fi

# --write-recovery-conf (-R): standby.signal, and primary_conninfo from the connection string below
#   (application_name included, so the primary knows which name in synchronous_standby_names this
#   is) and primary_slot_name into postgresql.auto.conf.
# --create-slot --slot: the slot is made on the primary before the copy starts, so no WAL the
#   standby needs can be recycled between the copy and the standby's first connection.
# --wal-method=stream: the WAL written during the copy comes along, so the copy is consistent.
# --checkpoint=fast: start at once rather than after a spread checkpoint.
umask 077
"$bindir/pg_basebackup" --pgdata="$data" --write-recovery-conf --create-slot --slot="$name" \
  --wal-method=stream --checkpoint=fast --no-password \
  --dbname="host=$primary port=$port user=$user application_name=$name passfile=$passfile sslmode=$sslmode"

# A password read from the passfile stays out of primary_conninfo, but one that came from
# PGPASSWORD would be written there in the clear. Take any out: the standby reads the passfile
# named in primary_conninfo, so the password stays in one 0600 file only.
auto="$data/postgresql.auto.conf"
sed -i -E "/^primary_conninfo/ s/ ?password=('[^']*'|[^ ']*)//" "$auto"

if [ ! -f "$data/standby.signal" ] || ! grep -q "^primary_conninfo = '.*application_name=$name" "$auto" \
  || ! grep -q "^primary_slot_name = '$name'" "$auto" || grep -q "^primary_conninfo = '.*password=" "$auto"; then
  echo "make-standby.sh: the recovery settings in $auto are not as expected" >&2
  exit 1
fi
echo "make-standby.sh: $data is a standby of $primary:$port as $name (slot $name); start it now"
