import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Db } from '../db/client.js';
import type { EmployeeRecord } from './employee.js';
import { changedFields, recordFields, toEmployeeRecord } from './employee-row.js';
import { bulkInsert, databaseKindOf } from '../db/bulk-insert.js';
import { randomUUID } from 'node:crypto';

export interface SaveSummary {
  created: number;
  updated: number;
  unchanged: number;
}

const batchSize = 500;

/**
 * Creates or updates employees by NIP within one agency, writing an audit entry for every record that changed.
 * Works in batches, each its own transaction, so a 10,000-row import neither holds one huge transaction nor
 * loads everything at once. `onProgress` reports how many records are done.
 */
export async function saveEmployees(
  db: Db,
  actor: Actor,
  agencyId: string,
  records: readonly EmployeeRecord[],
  onProgress?: (done: number) => void,
  /** Fields the source actually carries; the others keep their stored values on update (a file without a phone column must not erase phones). */
  presentFields?: ReadonlySet<keyof EmployeeRecord>,
): Promise<SaveSummary> {
  const summary: SaveSummary = { created: 0, updated: 0, unchanged: 0 };
  const kind = databaseKindOf(db);
  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records.slice(start, start + batchSize);
    await db.$transaction(
      async (tx) => {
        const existing = await tx.employee.findMany({ where: { nip: { in: batch.map((r) => r.nip) } } });
        const byNip = new Map(existing.map((row) => [row.nip, row]));
        const fresh = batch.filter((r) => !byNip.has(r.nip));
        if (fresh.length > 0) {
          const now = new Date();
          const ids = fresh.map(() => randomUUID());
          await bulkInsert(tx, kind, 'Employee', ['id', 'agencyId', ...recordFields, 'createdAt', 'updatedAt'],
            fresh.map((r, i) => [ids[i], agencyId, ...recordFields.map((f) => r[f] ?? null), now, now]));
          await bulkInsert(tx, kind, 'AuditLog', ['id', 'at', 'agencyId', 'actor', 'action', 'entity', 'entityId', 'after', 'outcome'],
            fresh.map((r, i) => [randomUUID(), now, agencyId, actor.ref, 'employee.create', 'Employee', ids[i], JSON.stringify(r), 'ok']));
          summary.created += fresh.length;
        }
        for (const incoming of batch) {
          const row = byNip.get(incoming.nip);
          if (!row) continue;
          const record = presentFields ? keepAbsentFields(toEmployeeRecord(row), incoming, presentFields) : incoming;
          const diff = changedFields(toEmployeeRecord(row), record);
          if (!diff && row.agencyId === agencyId) {
            summary.unchanged += 1;
            continue;
          }
          await tx.employee.update({ where: { id: row.id }, data: { ...record, jenjang: record.jenjang ?? null, eselon: record.eselon ?? null, agencyId } });
          await writeAudit(tx, actor, {
            action: 'employee.update',
            entity: 'Employee',
            entityId: row.id,
            agencyId,
            before: diff?.before ?? { agencyId: row.agencyId },
            after: diff?.after ?? { agencyId },
          });
          summary.updated += 1;
        }
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    onProgress?.(Math.min(start + batch.length, records.length));
  }
  return summary;
}

function keepAbsentFields(
  stored: EmployeeRecord,
  incoming: EmployeeRecord,
  present: ReadonlySet<keyof EmployeeRecord>,
): EmployeeRecord {
  const merged: Record<string, unknown> = { ...stored };
  for (const field of recordFields) if (present.has(field)) merged[field] = incoming[field];
  return merged as EmployeeRecord;
}
