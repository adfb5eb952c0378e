import type { TicketStatus } from './ticket-status.js';

/**
 * Which ticket a staff member's message belongs to: the one decision behind every free message, reply and
 * "which ticket?" button. Adapters only report what they saw (the message it replies to, the button pressed);
 * the rules are here so that a staff member can predict them:
 *
 * 1. A button names the ticket (or "Tiket baru"): that one, while it is not closed.
 * 2. A reply to a message that belongs to a ticket (its acknowledgement, an HR reply, the resolution message, or
 *    the staff member's own earlier message on it) goes to that ticket; a resolved ticket is reopened by it,
 *    except by a short thanks. A reply to a closed ticket starts a new one.
 * 3. A confidential ticket receives nothing else: a free message never lands in the leads' channel by accident.
 * 4. A resolved ticket is never reopened by a free message; a short thanks after resolution is acknowledged.
 * 5. A free message joins the only open ticket; with several it asks which (buttons, with "Tiket baru"); with none
 *    it goes to the FAQ answerer or a new ticket.
 */
export interface RoutableTicket {
  id: string;
  number: number;
  status: TicketStatus | string;
  confidential: boolean;
  subject: string;
}

export interface RoutingFacts {
  /** The sender's tickets that are not closed, most recently active first. */
  tickets: readonly RoutableTicket[];
  /** The ticket of the message this one replies to: a ticket (open or not), 'closed', or null (about no ticket). */
  repliedTicket: RoutableTicket | 'closed' | null;
  /** A ticket chosen with a button: its id, or 'new'. */
  chosen: string | null;
  text: string;
}

export type Route =
  | { to: 'ticket'; ticket: RoutableTicket; reopens: boolean }
  | { to: 'thanks'; ticket: RoutableTicket }
  | { to: 'choose'; tickets: RoutableTicket[] }
  | { to: 'new' };

/** Only a short message that is nothing but thanks (no question, no "but…") counts as thanks. */
const thanksWords = /\b(terima ?kasih|trima ?kasih|makasih?|mksh|trims|thanks?|thank you|thx|tq|ty|matur nuwun|hatur nuhun|nuhun)\b/;
const moreToSay = /[?]|\b(tapi|namun|tetapi|but|masih|belum|kenapa|mengapa|bagaimana|gimana|kok)\b/;

export function isShortThanks(text: string): boolean {
  const normal = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (normal === '' || normal.length > 80) return false;
  if (/^[\p{Extended_Pictographic}\s\u{FE0F}\u{1F3FB}-\u{1F3FF}]+$/u.test(normal)) return /🙏|👍/u.test(normal);
  return thanksWords.test(normal) && !moreToSay.test(normal) && normal.split(' ').length <= 8;
}

const isResolved = (ticket: RoutableTicket) => ticket.status === 'selesai';

export function routeStaffMessage(facts: RoutingFacts): Route {
  if (facts.chosen === 'new') return { to: 'new' };
  if (facts.chosen) {
    const ticket = facts.tickets.find((t) => t.id === facts.chosen);
    return ticket ? { to: 'ticket', ticket, reopens: isResolved(ticket) } : { to: 'new' };
  }
  const replied = facts.repliedTicket;
  if (replied === 'closed') return { to: 'new' };
  if (replied) {
    if (isResolved(replied) && isShortThanks(facts.text)) return { to: 'thanks', ticket: replied };
    return { to: 'ticket', ticket: replied, reopens: isResolved(replied) };
  }
  const open = facts.tickets.filter((t) => !t.confidential && !isResolved(t));
  if (open.length === 0) {
    const resolved = facts.tickets.find((t) => isResolved(t));
    return resolved && isShortThanks(facts.text) ? { to: 'thanks', ticket: resolved } : { to: 'new' };
  }
  if (open.length === 1) return { to: 'ticket', ticket: open[0]!, reopens: false };
  return { to: 'choose', tickets: open };
}
