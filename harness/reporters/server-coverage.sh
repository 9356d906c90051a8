#!/usr/bin/env bash
# Code coverage of the standalone reference server across one conformance run over HTTP:
#   harness/reporters/server-coverage.sh [REPORTS_DIR [CONFORMANCE FLAGS...]]     (default: reports)
# (extra flags, e.g. --grep PATTERN, go to the conformance CLI)
# Starts `harness/mock/server-cli.ts --port 0` under c8, waits for its "listening on" line, runs the conformance CLI
# against it with --endpoint, then SIGINTs the server (it exits cleanly on SIGINT, so V8 writes its coverage) and
# lets c8 print a text summary and write lcov + json-summary into REPORTS_DIR/coverage-server.
# Exit code: the conformance run's (0 all pass, 1 a failure, 2 usage), or 3 when the server never came up.
set -euo pipefail
cd "$(dirname "$0")/../.."
reports="${1:-reports}"
shift || true
out="$reports/coverage-server"
work="$(mktemp -d "${TMPDIR:-/tmp}/cpct-server-cov.XXXXXX")"
mkdir -p "$reports"

node_modules/.bin/c8 --reporter text-summary --reporter json-summary --reporter lcov \
  --report-dir "$out" --temp-directory "$work/v8" --include 'harness/mock/**' --exclude-after-remap \
  node --import tsx harness/mock/server-cli.ts --port 0 --host 127.0.0.1 >"$work/server.log" 2>&1 &
c8_pid=$!

stop_server() {
  if kill -0 "$c8_pid" 2>/dev/null; then
    kill -INT "$c8_pid" 2>/dev/null || true
    # c8 relays the signal to the server, waits for it, then writes the report: allow it up to 60 s.
    for _ in $(seq 1 600); do kill -0 "$c8_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$c8_pid" 2>/dev/null && kill -KILL "$c8_pid" 2>/dev/null || true
  fi
  wait "$c8_pid" 2>/dev/null || true
}
trap 'stop_server; rm -rf "$work"' EXIT

url=""
for _ in $(seq 1 600); do
  url="$(grep -o 'listening on http://[^ ]*' "$work/server.log" | head -n 1 | sed 's/^listening on //' || true)"
  [ -n "$url" ] && break
  kill -0 "$c8_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "server-coverage: expected the server to print 'listening on http://H:N' within 60 s; saw:" >&2
  cat "$work/server.log" >&2
  exit 3
fi
echo "server-coverage: server at $url"

set +e
node bin/cpct.js --endpoint "$url" --reports "$reports" "$@"
rc=$?
set -e

stop_server
echo "server-coverage: c8 report for harness/mock (also in $out):"
grep -v '^listening on' "$work/server.log" || true
exit "$rc"
