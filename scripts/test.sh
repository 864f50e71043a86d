#!/usr/bin/env bash
# npm test: what the tests need beyond npm (scripts/test-services.sh), then the type check, the linters and
# jest (arguments go to jest). Without arguments jest runs twice: every suite but those that measure latency
# under load, two workers at once; then those alone, one at a time (QUIET_TESTS in jest.config.js).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
trap stop_started_services EXIT
npm run --silent typecheck
npm run --silent lint
if [ $# -gt 0 ]; then
  npx jest "$@"
else
  STELSELGRAPH_TEST_PHASE=shared npx jest
  STELSELGRAPH_TEST_PHASE=quiet npx jest --runInBand
fi
