import type { Actor } from '../auth/actor.js';
import type { Db, TransactionClient } from '../db/client.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
  outcome?: 'ok' | 'denied' | 'failed';
}

/** Records who did what; written in the same transaction as the change it describes. */
export async function writeAudit(db: Db | TransactionClient, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actor: actor.ref,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      agencyId: entry.agencyId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      outcome: entry.outcome ?? 'ok',
    },
  });
}
