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
  /**
   * Acts for the province HR bureau (BKPSDMD): reads every agency, broadcasts province-wide or to chosen agencies
   * and sees the roll-up, but handles only its own agency's tickets.
   */
  province?: boolean;
}

export const systemActor: Actor = { ref: 'system', role: 'admin', employeeId: null, agencyId: null };
export const cliActor: Actor = { ref: 'cli', role: 'admin', employeeId: null, agencyId: null };

/** May read this agency's data: their own agency, every agency for the province role and unbound admins. */
export function canSeeAgency(actor: Actor, agencyId: string): boolean {
  return actor.agencyId === null || actor.agencyId === agencyId || actor.province === true;
}

/** May change this agency's data (handle its tickets, write its reminders): their own agency only. */
export function canActForAgency(actor: Actor, agencyId: string): boolean {
  return actor.agencyId === null || actor.agencyId === agencyId;
}
