#!/usr/bin/env bash
# `.env` is read once (by Vapor, into the process environment, before the configuration is
# checked) and `--env NAME` picks `.env.NAME`: run the binary in an empty folder with such files
# and see which values it objects to. Usage: scripts/env-file-check.sh .build/debug/earned
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
fail() { echo "env-file-check: $*"; exit 1; }

# A bad value in .env is seen, with the name of the setting, and stops the start.
printf 'EARNED_SQLITE_PATH=:memory:\nEARNED_PORT="99999"\n' > .env
set +e; out=$(env -u VAPOR_ENV "$bin" routes 2>&1); code=$?; set -e
[ "$code" = 2 ] || fail "a bad EARNED_PORT in .env should stop earned with code 2, got $code: $out"
grep -q "EARNED_PORT" <<<"$out" || fail "the message should name EARNED_PORT: $out"

# Quoted good values in .env work: the routes are listed.
printf 'EARNED_SQLITE_PATH=":memory:"\nEARNED_PORT="8123"\n' > .env
out=$(env -u VAPOR_ENV "$bin" routes 2>&1) || fail "quoted good values in .env should start: $out"
grep -q "/api/v1" <<<"$out" || fail "earned routes should list the API: $out"

# --env staging reads .env.staging (its bad value is seen); without --env it is not read.
printf 'EARNED_TICK_SECONDS=forever\n' > .env.staging
set +e; out=$(env -u VAPOR_ENV "$bin" routes --env staging 2>&1); code=$?; set -e
[ "$code" = 2 ] || fail "--env staging should read .env.staging and refuse its value, got $code: $out"
grep -q "EARNED_TICK_SECONDS" <<<"$out" || fail "the message should name EARNED_TICK_SECONDS: $out"
out=$(env -u VAPOR_ENV "$bin" routes 2>&1) || fail "without --env, .env.staging should not be read: $out"
echo "env-file-check: .env read once, --env honoured"
