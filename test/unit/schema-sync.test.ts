import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { providers, renderSchema, schemaPath } from '../../prisma/generate-schemas.mjs';

const models = readFileSync('prisma/models.prisma', 'utf8');
const modelPart = (schema: string) => schema.slice(schema.indexOf('model '));

describe('database schemas', () => {
  it.each(providers as string[])('%s schema is generated from prisma/models.prisma', (provider) => {
    expect(readFileSync(schemaPath(provider), 'utf8')).toBe(renderSchema(provider, models));
  });

  it('SQLite and PostgreSQL define identical models', () => {
    const [sqlite, postgres] = (providers as string[]).map((p) => modelPart(readFileSync(schemaPath(p), 'utf8')));
    expect(sqlite).toBe(postgres);
  });

  it.each(providers as string[])('%s has a migration for the current models', (provider) => {
    // The snapshot is the schema as of the newest migration: if it differs, a migration is missing.
    const snapshot = readFileSync(`prisma/${provider}/migrations/snapshot.prisma`, 'utf8');
    expect(snapshot, 'run: node prisma/new-migration.mjs <name>').toBe(readFileSync(schemaPath(provider), 'utf8'));
  });

  it('both databases have the same list of migrations', () => {
    const list = (p: string) => readdirSync(`prisma/${p}/migrations`).filter((f) => /^\d{4}_/.test(f));
    expect(list('sqlite')).toEqual(list('postgresql'));
  });
});
