import type { Actor } from '../auth/actor.js';
import { highestRole, roleSchema, type Role } from '../auth/roles.js';
import type { Db } from '../db/client.js';

/** The actor behind a chat account: a linked employee with their roles, or an unlinked stranger (no employee). */
export async function resolveChatActor(db: Db, platform: string, externalId: string): Promise<Actor> {
  const identity = await db.chatIdentity.findUnique({
    where: { platform_externalId: { platform, externalId } },
    include: { employee: { include: { roles: true } } },
  });
  const ref = `${platform}:${externalId}`;
  if (!identity || !identity.employee.active) return { ref, role: 'staff', employeeId: null, agencyId: null };
  const roles: Role[] = identity.employee.roles.map((r) => roleSchema.parse(r.role));
  return { ref, role: highestRole(roles), employeeId: identity.employeeId, agencyId: identity.employee.agencyId };
}
