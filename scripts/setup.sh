#!/usr/bin/env bash
# Installs what Countersign needs on a fresh machine: pnpm, the workspace's dependencies, and a
# working isolated-vm build. Safe to run again; on a machine already set up it takes a second.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cs_setup
