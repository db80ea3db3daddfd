# syntax=docker/dockerfile:1
# Skim's Discord bot.
#   docker build -t skim .
#   docker run --init --env-file .env -v skim-data:/app/data skim
# Three stages: production dependencies, the TypeScript build, and a small runtime image with only those two.

ARG NODE_IMAGE=node:20-bookworm-slim

# Production dependencies only. sqlite3 is native: when no prebuilt binary fits, it compiles, which needs
# python3, make and g++ (kept out of the final image).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Every dependency, then `npm run build` (tsc into dist/, plus the data files the code reads at run time).
FROM deps AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
# In the image `npm start` runs the built JavaScript; in a checkout it runs the TypeScript through tsx.
RUN npm pkg set scripts.start="node dist/src/index.js" \
  && mkdir -p data \
  && chown node:node data
# The SQLite cache (the default CACHE_URL) lives in /app/data: mount a volume to keep it across restarts.
VOLUME ["/app/data"]
USER node
# npm passes SIGTERM on to the bot, which finishes the work in flight, closes the cache and exits 0.
STOPSIGNAL SIGTERM
CMD ["npm", "start"]
