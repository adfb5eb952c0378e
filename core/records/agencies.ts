import type { Db } from '../db/client.js';

/** Agencies (OPD) are a dimension of every record; the configured default one is created on first use. */
export async function ensureAgency(db: Db, code: string, name?: string) {
  return db.agency.upsert({ where: { code }, create: { code, name: name ?? code }, update: {} });
}

export async function findAgencyByCode(db: Db, code: string) {
  return db.agency.findUnique({ where: { code } });
}
