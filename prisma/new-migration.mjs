// Writes a new migration for every database from the change in prisma/models.prisma since the last migration.
// Usage: node prisma/new-migration.mjs <name>   (needs no database: Prisma diffs two schema files)
// Each provider keeps prisma/<provider>/migrations/snapshot.prisma, the schema as of its newest migration.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { providers, schemaPath } from './generate-schemas.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: node prisma/new-migration.mjs <name>   (name: lowercase letters, digits and _)');
  process.exit(2);
}
execFileSync('node', [join(here, 'generate-schemas.mjs')], { stdio: 'inherit' });

for (const provider of providers) {
  const dir = join(here, provider, 'migrations');
  mkdirSync(dir, { recursive: true });
  const snapshot = join(dir, 'snapshot.prisma');
  const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  const sql = execFileSync(
    'npx',
    ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', schemaPath(provider), '--script'],
    { env: { ...process.env, PRISMA_PROVIDER: provider }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${provider}: no change since the last migration`);
    continue;
  }
  const count = readdirSync(dir).filter((f) => /^\d{4}_/.test(f)).length;
  const folder = join(dir, `${String(count + 1).padStart(4, '0')}_${name}`);
  mkdirSync(folder);
  writeFileSync(join(folder, 'migration.sql'), sql);
  copyFileSync(schemaPath(provider), snapshot);
  console.log(`${provider}: wrote ${folder}/migration.sql`);
}
