# syntax=docker/dockerfile:1
# Skim's Discord bot.
#   docker build -t skim .
#   docker run --env-file .env -v skim-data:/app/data skim
# Two stages: one that installs every dependency once (sqlite3 is compiled here when no prebuilt binary
# fits), builds dist/ and prunes the dev dependencies; and a small runtime image with only what runs.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY types ./types
COPY src ./src
COPY commands ./commands
COPY bin ./bin
# `npm ci` installs everything once and builds dist/ through the `prepare` script; the prune then drops
# what only the build and the tests need, keeping the compiled sqlite3.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HEALTH_FILE=/tmp/skim-health
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY package.json ./
RUN mkdir -p data && chown node:node data
# The SQLite cache (the default CACHE_URL) lives in /app/data: mount a volume to keep it across restarts.
VOLUME ["/app/data"]
USER node
# Healthy while the bot's gateway connection is ready (it writes its status to HEALTH_FILE every 15 s).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/src/healthcheck.js"]
# node runs as PID 1 with its own SIGTERM handler: `docker stop` reaches Skim, which finishes the
# work in flight, closes the cache and exits 0. No npm or shell in between to swallow the signal.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/index.js"]
