# LAYANI in a container: docker build -t layani .   (see compose.yaml and README "Containers")
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is compiled here, from source, against this Node's own headers: nothing prebuilt is downloaded.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
# No install script runs (Prisma's engine download above all; LAYANI uses Prisma's JS engine and driver adapters).
# The two that are needed run explicitly: the better-sqlite3 build, and generating the Prisma clients.
RUN npm ci --omit=dev --ignore-scripts && npm rebuild better-sqlite3
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN node prisma/generate-schemas.mjs \
 && npx prisma generate --schema prisma/sqlite/schema.prisma \
 && npx prisma generate --schema prisma/postgresql/schema.prisma
COPY . .

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production CHECKPOINT_DISABLE=1 DATABASE_URL=file:/app/data/layani.db
COPY --from=build /app /app
# The database (SQLite) and the FAQ corpus are what LAYANI writes; mount volumes there.
RUN mkdir -p /app/data && chown -R node:node /app/data /app/corpus
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# LAYANI finishes in-flight work within 10 s of SIGTERM; give it that (compose: stop_grace_period).
STOPSIGNAL SIGTERM
# V8 keeps its heap within 256 MB (README: Deployment → Memory).
CMD ["node", "--max-old-space-size=256", "--import", "tsx", "api/main.ts"]
