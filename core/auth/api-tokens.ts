import type { Db } from '../db/client.js';
import type { Actor } from './actor.js';
import { roleSchema, type Role } from './roles.js';
import { digest, newApiToken } from './secrets.js';

/** Creates a bearer token for HTTP callers; the plaintext is returned once, only its digest is kept. */
export async function createApiToken(
  db: Db,
  input: { name: string; role: Role; agencyId?: string | null; employeeId?: string | null },
): Promise<{ id: string; token: string }> {
  const token = newApiToken();
  const row = await db.apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      tokenHash: digest(token),
      agencyId: input.agencyId ?? null,
      employeeId: input.employeeId ?? null,
    },
  });
  return { id: row.id, token };
}

/** The actor behind an `Authorization: Bearer …` header, or null when the token is unknown or revoked. */
export async function actorForApiToken(db: Db, token: string): Promise<Actor | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: digest(token) } });
  if (!row || row.revokedAt) return null;
  // A token bound to the province bureau's agency carries the province scope, like its members in Slack.
  const agency = row.agencyId ? await db.agency.findUnique({ where: { id: row.agencyId }, select: { province: true } }) : null;
  return {
    ref: `token:${row.id}`,
    role: roleSchema.parse(row.role),
    employeeId: row.employeeId,
    agencyId: row.agencyId,
    province: agency?.province ?? false,
  };
}

export async function revokeApiToken(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
  return result.count === 1;
}
