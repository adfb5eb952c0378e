import type { TicketCategoryId } from './categories.js';
import type { TicketPriority, TicketStatus } from './ticket-status.js';

/** Where an SLA target stands: warned at 80%, breached past it, paused while the ticket waits for the employee. */
export type SlaState = 'ok' | 'warning' | 'breached' | 'met' | 'paused';

/** Everything the Slack card shows about one ticket; built by the core, rendered by the Slack adapter. */
export interface TicketView {
  id: string;
  number: number;
  agencyCode: string;
  category: TicketCategoryId;
  confidential: boolean;
  priority: TicketPriority;
  status: TicketStatus;
  requester: { name: string; unit: string; golongan: string; pangkat: string | null; positionName: string };
  /** Slack user id of the HR officer who claimed it. */
  assigneeSlackId: string | null;
  subject: string;
  createdAt: Date;
  firstResponseDueAt: Date;
  firstResponseAt: Date | null;
  firstResponseSla: SlaState;
  resolutionDueAt: Date;
  resolvedAt: Date | null;
  resolutionSla: SlaState;
  /** Business minutes left on the resolution target (shown while the clock is paused). */
  resolutionMinutesLeft: number;
  csatRating: number | null;
}
