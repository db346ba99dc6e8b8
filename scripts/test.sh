#!/usr/bin/env bash
# One command to test: install, start PostgreSQL and Redis if they are down, install Chromium for
# the browser tests if missing, create the test database, then typecheck, lint and run every test.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cs_setup
cs_test_services
cd "$CS_ROOT"
pnpm test
