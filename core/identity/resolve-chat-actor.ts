import type { Actor } from '../auth/actor.js';
import { highestRole, roleSchema, type Role } from '../auth/roles.js';
import type { Db } from '../db/client.js';
import { directSql } from '../db/direct-sql.js';

/**
 * The actor behind a chat account: a linked employee with their roles, or an unlinked stranger (no employee).
 * Every chat update asks this, so it is one direct query (a row per role) rather than three through Prisma.
 */
export async function resolveChatActor(db: Db, platform: string, externalId: string): Promise<Actor> {
  const rows = await directSql(db).query<{ employeeId: string; active: boolean; agencyId: string; role: string | null }>(
    `SELECT i."employeeId", e."active", e."agencyId", r."role"
     FROM "ChatIdentity" i
     JOIN "Employee" e ON e."id" = i."employeeId"
     LEFT JOIN "RoleAssignment" r ON r."employeeId" = e."id"
     WHERE i."platform" = $1 AND i."externalId" = $2`,
    [platform, externalId],
  );
  const ref = `${platform}:${externalId}`;
  const identity = rows[0];
  if (!identity || !identity.active) return { ref, role: 'staff', employeeId: null, agencyId: null };
  const roles: Role[] = rows.flatMap((row) => (row.role === null ? [] : [roleSchema.parse(row.role)]));
  return { ref, role: highestRole(roles), employeeId: identity.employeeId, agencyId: identity.agencyId };
}
