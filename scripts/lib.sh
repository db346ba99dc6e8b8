# shellcheck shell=bash
# Functions shared by scripts/setup.sh, scripts/start.sh, scripts/test.sh and .ci/run.
# Source it; it changes nothing by itself. Every function is idempotent: on a machine that is
# already set up each one checks and returns, so running a script twice is cheap.

CS_PNPM_VERSION="12.4.2"
CS_NODE_MIN="20.19.0"
CS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CS_TEST_DB="countersign_test"

cs_log() {
  if [ -t 2 ]; then printf '\033[1m[countersign]\033[0m %s\n' "$*" >&2; else printf '[countersign] %s\n' "$*" >&2; fi
}
cs_die() { cs_log "error: $*"; exit 1; }

# Version a >= version b (dotted numbers).
cs_version_ge() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

cs_check_node() {
  command -v node >/dev/null 2>&1 || cs_die "Node.js ${CS_NODE_MIN}+ is required (node not found)"
  local v
  v="$(node -p 'process.versions.node')"
  cs_version_ge "$v" "$CS_NODE_MIN" || cs_die "Node.js ${CS_NODE_MIN}+ is required (found ${v})"
}

cs_ensure_pnpm() {
  local have=""
  if command -v pnpm >/dev/null 2>&1; then
    # COREPACK_ENABLE_STRICT=0: a corepack shim must not try to fetch pnpm itself.
    have="$(COREPACK_ENABLE_STRICT=0 pnpm --version 2>/dev/null || true)"
  fi
  if [ "$have" != "$CS_PNPM_VERSION" ]; then
    cs_log "installing pnpm ${CS_PNPM_VERSION} (found: ${have:-none})"
    npm install -g "pnpm@${CS_PNPM_VERSION}" --no-fund --no-audit
    hash -r
    have="$(pnpm --version)"
    [ "$have" = "$CS_PNPM_VERSION" ] || cs_die "pnpm ${CS_PNPM_VERSION} expected on PATH, got ${have}"
  fi
}

# node-gyp must build isolated-vm against the local Node headers: with no nodedir it tries to
# download them, and this machine has no network but the package registries.
cs_export_nodedir() {
  if [ -n "${npm_config_nodedir:-}" ]; then return 0; fi
  local prefix
  prefix="$(dirname "$(dirname "$(command -v node)")")"
  local dir
  for dir in /usr "$prefix"; do
    if [ -f "$dir/include/node/node.h" ]; then
      export npm_config_nodedir="$dir"
      return 0
    fi
  done
  cs_log "warning: no Node headers found under /usr/include/node or ${prefix}/include/node; node-gyp may try to download them"
}

cs_pnpm_install() {
  if [ -f "$CS_ROOT/pnpm-lock.yaml" ]; then
    # --yes: CI has no TTY to confirm a purge of an outdated node_modules.
    (cd "$CS_ROOT" && pnpm install --frozen-lockfile --yes)
  else
    cs_log "no pnpm-lock.yaml: resolving dependencies afresh"
    (cd "$CS_ROOT" && pnpm install --yes)
  fi
}

# isolated-vm is a native addon; a failed or skipped build shows only when the runtime starts.
# Create an isolate and run one script, as the sandbox will.
cs_isolated_vm_ok() {
  (cd "$CS_ROOT/runtime" && node --no-node-snapshot -e "
    const ivm = require('isolated-vm');
    const isolate = new ivm.Isolate({ memoryLimit: 16 });
    const ok = isolate.compileScriptSync('6 * 7').runSync(isolate.createContextSync()) === 42;
    isolate.dispose();
    process.exit(ok ? 0 : 1);
  ") >/dev/null 2>&1
}

cs_ensure_isolated_vm() {
  if cs_isolated_vm_ok; then return 0; fi
  cs_log "isolated-vm does not load; rebuilding it from source"
  (cd "$CS_ROOT" && pnpm --filter @countersign/runtime rebuild isolated-vm)
  if ! cs_isolated_vm_ok; then
    (cd "$CS_ROOT/runtime" && node --no-node-snapshot -e "require('isolated-vm')") || true
    cs_die "isolated-vm still does not load: it needs python3, make and a C++ compiler (g++) and the Node headers (npm_config_nodedir=${npm_config_nodedir:-unset})"
  fi
}

# Everything a developer needs before `pnpm start` or `pnpm test`.
cs_setup() {
  cs_check_node
  cs_ensure_pnpm
  cs_export_nodedir
  cs_pnpm_install
  cs_ensure_isolated_vm
  cs_log "setup done (node $(node -p 'process.versions.node'), pnpm $(pnpm --version))"
}

# --- Services for the integration and browser tests -------------------------------------------

cs_tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

cs_wait_tcp() {
  local host="$1" port="$2" name="$3" i
  for i in $(seq 1 60); do
    if cs_tcp_open "$host" "$port"; then return 0; fi
    sleep 0.5
  done
  cs_die "${name} is not listening on ${host}:${port}"
}

cs_ensure_postgres() {
  if cs_tcp_open 127.0.0.1 5432; then return 0; fi
  command -v pg_ctlcluster >/dev/null 2>&1 || cs_die "PostgreSQL is not running on 127.0.0.1:5432 and pg_ctlcluster is not installed"
  cs_log "starting PostgreSQL"
  # shellcheck disable=SC2046 # one cluster version folder, e.g. 15
  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
  cs_wait_tcp 127.0.0.1 5432 PostgreSQL
}

cs_ensure_redis() {
  if cs_tcp_open 127.0.0.1 6379; then return 0; fi
  command -v redis-server >/dev/null 2>&1 || cs_die "Redis is not running on 127.0.0.1:6379 and redis-server is not installed"
  cs_log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  cs_wait_tcp 127.0.0.1 6379 Redis
}

cs_ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  command -v apt-get >/dev/null 2>&1 || cs_die "browser tests need Chromium at /usr/bin/chromium (install Debian's chromium package)"
  cs_log "installing Debian's chromium for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -q
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  fi
}

# A TEST_DATABASE_URL set by the caller is used as it is; otherwise the local database is created.
cs_ensure_test_db() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then return 0; fi
  local psql=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '${CS_TEST_DB}'")" ]; then
    cs_log "creating database ${CS_TEST_DB}"
    "${psql[@]}" -c "CREATE DATABASE ${CS_TEST_DB}"
  fi
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/${CS_TEST_DB}"
}

# Everything `pnpm test` needs besides the install.
cs_test_services() {
  cs_ensure_postgres
  cs_ensure_redis
  cs_ensure_chromium
  cs_ensure_test_db
  cs_log "services ready (TEST_DATABASE_URL=${TEST_DATABASE_URL})"
}
