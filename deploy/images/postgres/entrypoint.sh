#!/bin/sh
# The official postgres image's contract, as far as testcontainers and compose use it:
# POSTGRES_USER (default postgres), POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE (required:
# this image never trusts), POSTGRES_DB (default: the user), POSTGRES_MULTIPLE_DATABASES (a
# comma list of databases the superuser owns), POSTGRES_DATABASE_OWNERS_FILE (lines
# `role:password:db1,db2,...`: a login role per ward that owns only its own databases, so a
# ward's processes reach no other ward's data; the compose city's). The first start
# initialises $PGDATA; later starts keep what is there and only run the server.
set -eu

fail() {
    echo "entrypoint: $1" >&2
    exit 1
}

# A name goes into SQL unquoted-safe: lower-case letters, digits, underscores.
check_name() {
    case "$1" in
        "" | [0-9]* | *[!a-z0-9_]*) fail "'$1' is not a plain lower-case name ($2)" ;;
    esac
}

password() {
    if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
        [ -z "${POSTGRES_PASSWORD:-}" ] || fail "set POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE, not both"
        [ -r "$POSTGRES_PASSWORD_FILE" ] || fail "cannot read POSTGRES_PASSWORD_FILE=$POSTGRES_PASSWORD_FILE"
        cat "$POSTGRES_PASSWORD_FILE"
    elif [ -n "${POSTGRES_PASSWORD:-}" ]; then
        printf '%s' "$POSTGRES_PASSWORD"
    else
        fail "POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) is required: this image has no password-less access"
    fi
}

initialise() {
    user="${POSTGRES_USER:-postgres}"
    database="${POSTGRES_DB:-$user}"
    check_name "$user" POSTGRES_USER
    check_name "$database" POSTGRES_DB

    secret="$(mktemp)"
    trap 'rm -f "$secret"' EXIT
    password >"$secret"
    [ -s "$secret" ] || fail "the password is empty"

    initdb --pgdata="$PGDATA" --username="$user" --pwfile="$secret" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$secret"

    cat >>"$PGDATA/pg_hba.conf" <<HBA
host all all 0.0.0.0/0 scram-sha-256
host all all ::/0 scram-sha-256
HBA
    cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '*'
password_encryption = 'scram-sha-256'
CONF

    # Single-user mode creates the databases without a server listening anywhere, so nothing
    # (a health check, testcontainers' psql probe) sees a half-made cluster as ready.
    names="$database"
    old_ifs="$IFS"
    IFS=','
    for name in ${POSTGRES_MULTIPLE_DATABASES:-}; do
        name="$(printf '%s' "$name" | tr -d ' ')"
        [ -n "$name" ] || continue
        check_name "$name" POSTGRES_MULTIPLE_DATABASES
        names="$names $name"
    done
    IFS="$old_ifs"
    owners
    for name in $(printf '%s\n' $names | sort -u); do
        [ "$name" = postgres ] && continue
        if ! echo "CREATE DATABASE \"$name\" OWNER \"$user\"" |
            postgres --single -D "$PGDATA" postgres >/dev/null 2>"$PGDATA/single.log"; then
            cat "$PGDATA/single.log" >&2
            fail "could not create database $name"
        fi
        rm -f "$PGDATA/single.log"
        echo "entrypoint: created database $name"
    done
}

# Roles that log in with a password, own their databases and nothing else (no superuser, no
# CREATEDB, no CREATEROLE); PUBLIC loses CONNECT on those databases.
owners() {
    [ -n "${POSTGRES_DATABASE_OWNERS_FILE:-}" ] || return 0
    [ -r "$POSTGRES_DATABASE_OWNERS_FILE" ] || fail "cannot read POSTGRES_DATABASE_OWNERS_FILE"
    statements="$(mktemp)"
    while IFS=: read -r role secret databases; do
        [ -n "$role" ] || continue
        check_name "$role" POSTGRES_DATABASE_OWNERS_FILE
        case "$secret" in
            "" | *[!A-Za-z0-9_-]*) fail "the password of $role is empty or not URL-safe" ;;
        esac
        printf 'CREATE ROLE "%s" LOGIN PASSWORD '"'"'%s'"'"' NOSUPERUSER NOCREATEDB NOCREATEROLE;\n\n' \
            "$role" "$secret" >>"$statements"
        old_ifs="$IFS"
        IFS=','
        for name in $databases; do
            check_name "$name" POSTGRES_DATABASE_OWNERS_FILE
            printf 'CREATE DATABASE "%s" OWNER "%s";\n\nREVOKE ALL ON DATABASE "%s" FROM PUBLIC;\n\n' \
                "$name" "$role" "$name" >>"$statements"
        done
        IFS="$old_ifs"
    done <"$POSTGRES_DATABASE_OWNERS_FILE"
    # A single-user backend reports a failed statement and goes on: its log says.
    if ! postgres --single -j -D "$PGDATA" postgres <"$statements" >/dev/null 2>"$PGDATA/single.log" ||
        grep -q 'ERROR' "$PGDATA/single.log"; then
        rm -f "$statements"
        cat "$PGDATA/single.log" >&2
        fail "could not create the database owners"
    fi
    rm -f "$statements" "$PGDATA/single.log"
    echo "entrypoint: created the database owners of $POSTGRES_DATABASE_OWNERS_FILE"
}

if [ "${1#-}" != "$1" ]; then
    set -- postgres "$@"
fi

if [ "$1" = postgres ]; then
    [ "$(id -u)" != 0 ] || fail "refusing to run PostgreSQL as root"
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
        initialise
        echo "entrypoint: initialised $PGDATA"
    fi
    shift
    exec postgres -D "$PGDATA" "$@"
fi

exec "$@"
