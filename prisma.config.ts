// Prisma CLI settings. The "js" engine keeps every CLI step (generate, migrate diff) free of native binaries.
// PRISMA_PROVIDER picks the database kind the CLI works on (sqlite by default, or postgresql); the schema is
// given with --schema. The app itself never uses this file: core/db opens the database and migrates it.
import { defineConfig } from 'prisma/config';

const provider = process.env.PRISMA_PROVIDER === 'postgresql' ? 'postgresql' : 'sqlite';

export default defineConfig({
  engine: 'js',
  schema: `prisma/${provider}/schema.prisma`,
  experimental: { adapter: true },
  adapter: async () => {
    if (provider === 'postgresql') {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' });
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url: ':memory:' });
  },
});
