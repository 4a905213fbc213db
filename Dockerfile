# syntax=docker/dockerfile:1
#
# One image per service, all built from this file:
#   docker build --build-arg APP=gateway -t leadgate/gateway:0.1.0 .
# APP is one of: gateway, identity, campaigns, leads, docs, webhooks (a directory under apps/).
# The compiled code of every app is in the image (it is small); APP only selects what runs.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: all dependencies (swc is a dev dependency), then compile apps/*/src and libs/*/src to dist/
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# `npm install` with the lock file, not `npm ci`: the lock file is made where the registry lacks other
# platforms' optional native bindings, which `npm ci` would insist on (see .ci/run).
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY .swcrc tsconfig.base.json ./
COPY tools/build ./tools/build
COPY libs ./libs
COPY apps ./apps
RUN node tools/build/build.mjs

# ---------------------------------------------------------------------------------------------
# prune: production dependencies only. No install scripts are needed at run time (the only
# production package with one is a usage-analytics beacon).
FROM ${NODE_IMAGE} AS prune
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --omit=dev --ignore-scripts --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# runtime: dist/ + production node_modules + package.json (the service reads its version from it)
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV NODE_ENV=production \
    APP=${APP} \
    APP_MAIN=dist/apps/${APP}/src/main.js
WORKDIR /app
# Owned by root and read-only to the `node` user that runs the service.
COPY --from=prune /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
# Fail the build, not the container, when APP is missing or names no app.
RUN if [ -z "${APP}" ]; then echo 'build with --build-arg APP=<gateway|identity|campaigns|leads|docs|webhooks>' >&2; exit 1; fi; \
    if [ ! -f "${APP_MAIN}" ]; then echo "no ${APP_MAIN}: APP=${APP} is not an app under apps/" >&2; exit 1; fi

USER node
# Default ports of the services (each can be changed with PORT).
EXPOSE 8080 8081 8082 8083 8084 8085

# Liveness through the service's own port (PORT, else the app's default). No curl in the slim
# image, so node asks. HOST=0.0.0.0 (as in containers) is reached on the loopback address.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const h=process.env.HOST,p=process.env.PORT||{gateway:8080,identity:8081,campaigns:8082,leads:8083,docs:8084,webhooks:8085}[process.env.APP];require('http').get({host:!h||h==='0.0.0.0'||h==='::'?'127.0.0.1':h,port:p,path:'/health/live',timeout:4000},r=>process.exit(r.statusCode===200?0:1)).on('timeout',()=>process.exit(1)).on('error',()=>process.exit(1))"]

# The service drains HTTP, then closes Kafka and the database on SIGTERM (SHUTDOWN_GRACE_MS).
STOPSIGNAL SIGTERM
# `exec` so node is the process that receives the signal, not a shell.
CMD ["sh", "-c", "exec node --enable-source-maps \"$APP_MAIN\""]
