# syntax=docker/dockerfile:1
# Midlerbot's image: compiled JavaScript on Node 20, production dependencies only, run as the
# unprivileged `node` user. Build: docker build -t midlerbot . — run with compose.yaml (Redis beside it).
# test/ops/container.test.ts checks this file (no container engine runs in CI); docs/operations.md.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency (TypeScript), compile src/ adapters/ dialogs/ to dist/ --------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
COPY dialogs ./dialogs
RUN npm run build

# --- deps: production dependencies only ------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime -----------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    METRICS_PORT=9464 \
    CALLS_DIR=/app/calls
WORKDIR /app
# Owned by root and only readable by the app user: the process cannot rewrite its own code or calls.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY calls ./calls
USER node
EXPOSE 3978
# Liveness only: /readyz (Redis reachable, calls loaded) is for the load balancer, not for restarts.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# main.ts drains turns in flight on SIGTERM (SHUTDOWN_GRACE_MS, default 10 s) and exits 0; node runs
# as PID 1 in exec form, so the signal reaches it directly.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/src/server/main.js"]
