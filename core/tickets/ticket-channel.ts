import type { Actor } from '../auth/actor.js';

/** Ticket channels as the service report names them. */
export const ticketChannelLabels: Record<string, string> = { telegram: 'Telegram', api: 'API (aplikasi lain)' };

/**
 * Where a staff member opened a ticket, from who is asking: a Telegram chat ("telegram:<id>"), a staff API token
 * ("token:<id>") or another adapter named by its prefix.
 */
export function ticketChannelOf(actor: Pick<Actor, 'ref'>): string {
  if (actor.ref.startsWith('token:')) return 'api';
  return actor.ref.split(':')[0] || 'lainnya';
}
