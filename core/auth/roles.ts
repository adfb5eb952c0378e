import { z } from 'zod';

export const roles = ['staff', 'hr_officer', 'hr_lead', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

const rank: Record<Role, number> = { staff: 0, hr_officer: 1, hr_lead: 2, admin: 3 };

export function hasAtLeast(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

export function highestRole(list: readonly Role[]): Role {
  return list.reduce<Role>((best, role) => (rank[role] > rank[best] ? role : best), 'staff');
}
