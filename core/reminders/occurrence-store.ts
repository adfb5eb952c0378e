import { randomUUID } from 'node:crypto';
import type { Db, TransactionClient } from '../db/client.js';
import type { DatabaseKind } from '../db/database-url.js';
import { enqueueMany, type QueuedIntent } from '../outbox/enqueue-many.js';
import { chatLanguages } from './chat-language.js';
import type { Lang } from './format-date.js';
import type { ReminderKind, ReminderRoute } from './reminder-kinds.js';
import type { ReminderMessage } from './reminder-messages.js';

/** One occurrence to record, and for route telegram the chat and how to write the message (only if it is new). */
export interface OccurrenceToRecord {
  agencyId: string;
  employeeId: string;
  kind: ReminderKind;
  key: string;
  eventOn: string;
  route: ReminderRoute;
  chatId: string | null;
  message: ((lang: Lang) => ReminderMessage) | null;
}

const columns = ['id', 'agencyId', 'employeeId', 'kind', 'key', 'eventOn', 'route', 'outboxId', 'createdAt'] as const;
// Both databases cap bound parameters per statement; stay well below (as bulkInsert does).
const rowsPerStatement = Math.floor(8_000 / columns.length);
const rowsPerTransaction = 2_000;

/**
 * Records occurrences that were not recorded before and, in the same transaction, queues the direct message of each
 * new one routed to Telegram. The (employeeId, key) unique index decides what is new: a second pass, a restart or
 * another instance racing this one inserts nothing and so sends nothing. Returns the occurrences that were new.
 */
export async function recordOccurrences(
  db: Db,
  kind: DatabaseKind,
  items: readonly OccurrenceToRecord[],
  now: Date,
): Promise<OccurrenceToRecord[]> {
  // One order everywhere, so two instances inserting overlapping sets wait for each other instead of deadlocking.
  const sorted = [...items].sort((a, b) => compare(a.employeeId, b.employeeId) || compare(a.key, b.key));
  const fresh: OccurrenceToRecord[] = [];
  for (let start = 0; start < sorted.length; start += rowsPerTransaction) {
    const batch = sorted.slice(start, start + rowsPerTransaction);
    fresh.push(...(await db.$transaction((tx) => recordBatch(tx, kind, batch, now), { timeout: 60_000, maxWait: 30_000 })));
  }
  return fresh;
}

async function recordBatch(tx: TransactionClient, kind: DatabaseKind, batch: readonly OccurrenceToRecord[], now: Date): Promise<OccurrenceToRecord[]> {
  const rows = batch.map((item) => ({
    id: randomUUID(),
    outboxId: item.route === 'telegram' && item.chatId && item.message ? randomUUID() : null,
    item,
  }));
  const inserted = await insertIgnoringDuplicates(tx, kind, rows, now);
  const fresh = rows.filter((row) => inserted.has(row.id));
  const dms = fresh.filter((row) => row.outboxId !== null);
  if (dms.length > 0) {
    const languages = await chatLanguages(tx, dms.map((row) => row.item.chatId!));
    const queued: QueuedIntent[] = dms.map((row) => {
      const chatId = row.item.chatId!;
      const lang = languages.get(chatId) ?? 'id';
      const message = row.item.message!(lang);
      return {
        id: row.outboxId!,
        // No order key: a reminder held until morning must not hold back a ticket reply to the same chat.
        intent: { channel: 'telegram', kind: 'telegram.text', chatId, text: message.text, lang, buttons: message.buttons, holdInQuietHours: true },
      };
    });
    await enqueueMany(tx, kind, queued, now);
  }
  return fresh.map((row) => row.item);
}

/** Multi-row INSERT … ON CONFLICT DO NOTHING RETURNING id: the same statement works on SQLite and PostgreSQL. */
async function insertIgnoringDuplicates(
  tx: TransactionClient,
  kind: DatabaseKind,
  rows: ReadonlyArray<{ id: string; outboxId: string | null; item: OccurrenceToRecord }>,
  now: Date,
): Promise<Set<string>> {
  const inserted = new Set<string>();
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    let index = 0;
    const placeholder = () => (kind === 'postgresql' ? `$${++index}` : '?');
    const values = chunk.map(() => `(${columns.map(placeholder).join(', ')})`).join(', ');
    const parameters = chunk.flatMap(({ id, outboxId, item }) => [id, item.agencyId, item.employeeId, item.kind, item.key, item.eventOn, item.route, outboxId, now]);
    const returned = await tx.$queryRawUnsafe<Array<{ id: string }>>(
      `INSERT INTO "ReminderOccurrence" (${columnList}) VALUES ${values} ON CONFLICT ("employeeId", "key") DO NOTHING RETURNING "id"`,
      ...parameters,
    );
    for (const row of returned) inserted.add(row.id);
  }
  return inserted;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
