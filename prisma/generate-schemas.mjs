// Writes one Prisma schema per database from prisma/models.prisma (the single source of truth).
// Run after editing the models; `npm install` runs it too. `--check` exits 1 when a written schema is stale.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const providers = ['sqlite', 'postgresql'];
const placeholderUrl = { sqlite: 'file:../../data/layani.db', postgresql: 'postgresql://localhost:5432/layani' };

export function renderSchema(provider, models) {
  return `// GENERATED from prisma/models.prisma by prisma/generate-schemas.mjs. Do not edit.

generator client {
  provider   = "prisma-client-js"
  output     = "../../generated/prisma-${provider}"
  engineType = "client"
}

// The URL here is never used to connect: core/db opens the database through a driver adapter.
datasource db {
  provider = "${provider}"
  url      = "${placeholderUrl[provider]}"
}

${models.trim()}
`;
}

export function schemaPath(provider) {
  return join(here, provider, 'schema.prisma');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const models = readFileSync(join(here, 'models.prisma'), 'utf8');
  const check = process.argv.includes('--check');
  let stale = false;
  for (const provider of providers) {
    const path = schemaPath(provider);
    const wanted = renderSchema(provider, models);
    let current = '';
    try { current = readFileSync(path, 'utf8'); } catch {}
    if (current === wanted) continue;
    if (check) { console.error(`${path} is out of date: run node prisma/generate-schemas.mjs`); stale = true; continue; }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, wanted);
  }
  if (stale) process.exit(1);
}
