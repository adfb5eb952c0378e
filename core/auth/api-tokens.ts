import type { Db } from '../db/client.js';
import type { Actor } from './actor.js';
import { roleSchema, type Role } from './roles.js';
import { digest, newApiToken } from './secrets.js';

/**
 * Least privilege for tokens: an HR token reads one agency unless all agencies are asked for explicitly. Returns
 * what is wrong with the request (for the operator), or null when it may be created.
 */
export function tokenScopeProblem(input: { role: Role; agency: boolean; allAgencies: boolean; employee: boolean }): string | null {
  if (input.agency && input.allAgencies) return 'give either --agency CODE or --all-agencies, not both';
  if ((input.role === 'hr_officer' || input.role === 'hr_lead') && !input.agency && !input.allAgencies) {
    return `a ${input.role} token needs --agency CODE (the agency it may read) or, deliberately, --all-agencies`;
  }
  if (input.role === 'staff' && !input.employee) return 'a staff token needs --nip NIP (the employee it acts as)';
  return null;
}

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
