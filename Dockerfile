# syntax=docker/dockerfile:1
# Countersign runtime image: the API, the workers and the built editor (one image; COUNTERSIGN_ROLE
# picks what a container does). Build: docker build -t countersign .   Run: see docker-compose.yml.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG PNPM_VERSION=12.4.2

# --- build: dependencies (isolated-vm compiles from source) and the editor bundle ------------------
FROM ${NODE_IMAGE} AS build
ARG PNPM_VERSION
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
RUN npm install -g "pnpm@${PNPM_VERSION}" --no-fund --no-audit
# node-gyp builds isolated-vm against the image's own Node headers (/usr/local/include/node)
# instead of downloading them.
ENV npm_config_nodedir=/usr/local CI=true
WORKDIR /app

# Manifests first, so that a source change does not reinstall every dependency (`.npmr[c]`: copied
# when present).
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmr[c] ./
COPY shared/package.json shared/
COPY nodes/package.json nodes/
COPY runtime/package.json runtime/
COPY editor/package.json editor/
COPY test/package.json test/
RUN pnpm install --frozen-lockfile --yes

COPY . .
RUN pnpm --filter @countersign/editor build \
  && cd runtime && node --no-node-snapshot -e "require('isolated-vm')"

# --- runtime: no compiler; the same Node build, so the compiled addon matches ----------------------
FROM ${NODE_IMAGE}
ARG PNPM_VERSION
RUN npm install -g "pnpm@${PNPM_VERSION}" --no-fund --no-audit && npm cache clean --force
# The editor was built above: start.mjs need not check it again.
ENV NODE_ENV=production \
    PORT=3000 \
    COUNTERSIGN_DATA_DIR=/app/data \
    COUNTERSIGN_SKIP_EDITOR_BUILD=1
WORKDIR /app
# The runtime runs its TypeScript source through tsx, so the whole workspace (with its
# dependencies and editor/dist) is the application.
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# `pnpm start` runs `node scripts/start.mjs`; running it directly keeps pnpm out of the signal path,
# so `docker stop` (SIGTERM) reaches the runtime and it shuts down cleanly.
CMD ["node", "scripts/start.mjs"]
