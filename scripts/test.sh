#!/usr/bin/env bash
# npm test: what the tests need beyond npm (scripts/test-services.sh), then the type check, the linters and
# jest (arguments go to jest).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
trap stop_started_services EXIT
npm run --silent typecheck
npm run --silent lint
npx jest "$@"
