import { createRequire } from 'node:module';
import type { PrismaClient as SqlitePrismaClient, Prisma } from '../../generated/prisma-sqlite/index.js';

// Both generated clients come from the same models (prisma/models.prisma), so they share one shape; the SQLite
// one's type stands for both. They are CommonJS, loaded with require so that every runner (tsx, vitest) agrees.
const require = createRequire(import.meta.url);

export type Db = SqlitePrismaClient;
export type { Prisma };
export type TransactionClient = Prisma.TransactionClient;

interface GeneratedClientModule {
  PrismaClient: new (options: { adapter: unknown; log?: unknown; errorFormat?: 'minimal' | 'pretty' | 'colorless' }) => Db;
}

export function loadGeneratedClient(kind: 'sqlite' | 'postgresql'): GeneratedClientModule['PrismaClient'] {
  const module = require(`../../generated/prisma-${kind}/index.js`) as GeneratedClientModule;
  return module.PrismaClient;
}
