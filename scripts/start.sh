#!/usr/bin/env bash
# One command for a new user: install, then start the runtime (and the editor it serves) on
# http://localhost:${PORT:-3000}. The runtime prints the demo sign-in at start.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cs_setup
cd "$CS_ROOT"
exec pnpm start
