import type { Role } from './roles.js';

/**
 * Who is asking. `ref` names the actor in the audit log without personal data ("token:ab12", "telegram:998",
 * "cli", "system"). `agencyId` null means every agency (the CLI run by the operator, system jobs, admins
 * not bound to one agency).
 */
export interface Actor {
  ref: string;
  role: Role;
  employeeId: string | null;
  agencyId: string | null;
}

export const systemActor: Actor = { ref: 'system', role: 'admin', employeeId: null, agencyId: null };
export const cliActor: Actor = { ref: 'cli', role: 'admin', employeeId: null, agencyId: null };

export function canSeeAgency(actor: Actor, agencyId: string): boolean {
  return actor.agencyId === null || actor.agencyId === agencyId;
}
