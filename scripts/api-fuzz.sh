#!/usr/bin/env bash
# The API as a stranger's client sees it: validates the served OpenAPI document against the
# OpenAPI 3.1 schema (openapi-spec-validator), then runs schemathesis against the demo business
# on loopback for a bounded time, with an owner's token, checking that no answer is a server
# error, and that every status, content type, header and body is the one the document lists.
#
# Usage: scripts/api-fuzz.sh [EARNED_BINARY]            (default .build/debug/earned)
# Environment:
#   EARNED_FUZZ_SECONDS  time budget for schemathesis (default 300)
#   EARNED_FUZZ_VENV     Python venv for schemathesis (default .build/fuzz-venv; made if missing)
#   EARNED_FUZZ_WORK     directory for the database, logs and report (default: a new temporary one)
# Exits non-zero on any failure schemathesis finds.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(readlink -f "${1:-.build/debug/earned}")
seconds=${EARNED_FUZZ_SECONDS:-300}
venv=${EARNED_FUZZ_VENV:-.build/fuzz-venv}
work=${EARNED_FUZZ_WORK:-$(mktemp -d -t earned-fuzz.XXXXXX)}
port=${EARNED_FUZZ_PORT:-8097}
base="http://127.0.0.1:$port"
mkdir -p "$work"

if [ ! -x "$venv/bin/st" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q schemathesis openapi-spec-validator requests
fi

EARNED_SQLITE_PATH="$work/earned.sqlite" "$bin" demo > "$work/demo.log" 2>&1
EARNED_SQLITE_PATH="$work/earned.sqlite" EARNED_PORT=$port EARNED_TICK_SECONDS=0 EARNED_BCRYPT_COST=4 EARNED_API_RATE_LIMIT=0 \
    "$bin" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    sleep 1
done
curl -fsS "$base/health" >/dev/null

curl -fsS "$base/api/openapi.json" -o "$work/openapi.json"
"$venv/bin/openapi-spec-validator" "$work/openapi.json"

token=$("$venv/bin/python" - "$base" <<'PY'
import re, sys, requests
base = sys.argv[1]
s = requests.Session()
csrf = re.search(r'name="_csrf" value="([^"]+)"', s.get(f"{base}/sign-in").text).group(1)
r = s.post(f"{base}/sign-in", data={"_csrf": csrf, "email": "owner@demo.earned", "password": "earned-demo"},
           allow_redirects=False)
assert r.status_code == 303, r.status_code
csrf = re.search(r'name="_csrf" value="([^"]+)"', s.get(f"{base}/tokens").text).group(1)
page = s.post(f"{base}/tokens", data={"_csrf": csrf, "name": "schemathesis"})
print(re.search(r"(ern_[A-Za-z0-9_\-]+)", page.text).group(1))
PY
)

# One worker: with two worker threads, schemathesis's coverage phase has crashed inside CPython
# 3.11's ast module ("AST constructor recursion depth mismatch": its recursion-depth bookkeeping,
# CPython gh-106905, seen in threaded programs) — a runtime error of the tool, not an answer of
# the server; it struck the forecast's operations and, in a later run, GET /api/v1/cases. The program forecast's
# scenario, the deepest schema here, is still fuzzed without the coverage phase.
fuzz() {
    "$venv/bin/st" run "$base/api/openapi.json" \
        --header "Authorization: Bearer $token" \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
        --workers 1 --suppress-health-check all --report junit --report-dir "$work/report" "$@" 2>&1 \
        | tee -a "$work/schemathesis.log"
    return "${PIPESTATUS[0]}"
}
set +e
fuzz --phases examples,coverage,fuzzing --max-time $((seconds * 4 / 5)) \
    --exclude-operation-id createForecast --exclude-operation-id runForecast
status=$?
fuzz --phases fuzzing --max-time $((seconds / 5)) \
    --include-operation-id createForecast --include-operation-id runForecast
second=$?
[ "$status" -eq 0 ] && status=$second
set -e
if grep -q "Internal Server Error\|status=5" "$work/serve.log"; then
    echo "server errors in $work/serve.log:"
    grep -m 20 "status=5" "$work/serve.log" || true
fi
echo "schemathesis exited with $status; logs in $work"
exit "$status"
