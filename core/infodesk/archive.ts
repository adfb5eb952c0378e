import { audienceMatcher } from '../audience/audience-matcher.js';
import { audienceOf } from '../broadcasts/broadcast-service.js';
import type { Db } from '../db/client.js';
import { addressedToAgency, publisherAgencyIds } from '../broadcasts/broadcast-reach.js';
import type { Attachment } from '../outbox/outbox-intent.js';
import { asReadNow } from './broadcast-copy.js';
import { excerpt, markdownToPlain, searchForm, searchWords } from './plain-text.js';
import type { InfoTopicId } from './topics.js';

export const archivePageSize = 5;

/** One announcement as the archive lists it. */
export interface ArchiveItem {
  broadcastId: string;
  number: number;
  title: string;
  excerpt: string;
  publishedAt: string;
  source: string | null;
  topic: string | null;
  careerKind: string | null;
  closesOn: string | null;
  validUntil: string | null;
  attachmentName: string | null;
  mandatory: boolean;
  needsAck: boolean;
  acknowledged: boolean;
  /** A sosialisasi invitation whose session was cancelled or rejected (its title and excerpt say so too). */
  calledOff: 'cancelled' | 'rejected' | null;
}

export interface ArchivePage {
  items: ArchiveItem[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  total: number;
}

export interface ArchiveQuery {
  topic?: InfoTopicId | null;
  /** Words that must all appear in the title, text or source (case and accents ignored). */
  query?: string | null;
  page?: number;
}

/**
 * The broadcasts an employee may read in the archive: sent ones of their own agency that were addressed to them,
 * either by the audience as their record reads now (everyone, their unit, rank, position type or NIP) or because
 * they were among the recipients when it went out (a unit they have since left). Broadcasts only to Telegram groups
 * or Slack channels are not personal and stay out. Newest first.
 */
async function visibleIds(db: Db, employeeId: string, topic: InfoTopicId | null): Promise<Array<{ id: string }>> {
  const employee = await db.employee.findUnique({ where: { id: employeeId }, select: { agencyId: true, nip: true, unit: true, golongan: true, positionType: true } });
  if (!employee) return [];
  const candidates = await db.broadcast.findMany({
    where: { agencyId: { in: await publisherAgencyIds(db, employee.agencyId) }, publishedAt: { not: null }, ...(topic ? { topic } : {}) },
    select: { id: true, agencyId: true, audience: true },
    orderBy: [{ publishedAt: 'desc' }, { number: 'desc' }],
  });
  const received = new Set(
    (await db.broadcastDelivery.findMany({ where: { employeeId }, select: { broadcastId: true }, distinct: ['broadcastId'] })).map((row) => row.broadcastId),
  );
  const addressed = await addressedToAgency(db, candidates, employee.agencyId);
  return addressed.filter((b) => received.has(b.id) || audienceMatcher(audienceOf(b))(employee));
}

/** Whether the employee may read this broadcast in the archive. */
export async function isInArchiveOf(db: Db, employeeId: string, broadcastId: string): Promise<boolean> {
  return (await visibleIds(db, employeeId, null)).some((b) => b.id === broadcastId);
}

export async function archivePage(db: Db, employeeId: string, query: ArchiveQuery): Promise<ArchivePage> {
  let ids = (await visibleIds(db, employeeId, query.topic ?? null)).map((b) => b.id);
  const words = searchWords(query.query ?? '');
  if (words.length > 0) {
    const matching = new Set<string>();
    for (let start = 0; start < ids.length; start += 400) {
      const rows = await db.broadcast.findMany({ where: { id: { in: ids.slice(start, start + 400) } }, select: { id: true, title: true, text: true, source: true } });
      for (const row of rows) {
        const haystack = searchForm(`${row.title} ${row.text} ${row.source ?? ''}`);
        if (words.every((word) => haystack.includes(word))) matching.add(row.id);
      }
    }
    ids = ids.filter((id) => matching.has(id));
  }
  const total = ids.length;
  const pages = Math.max(1, Math.ceil(total / archivePageSize));
  const page = Math.min(Math.max(0, Math.floor(query.page ?? 0)), pages - 1);
  const pageIds = ids.slice(page * archivePageSize, (page + 1) * archivePageSize);
  const [rows, acks] = await Promise.all([
    db.broadcast.findMany({ where: { id: { in: pageIds } } }).then((rows) => asReadNow(db, rows)),
    db.broadcastAck.findMany({ where: { employeeId, broadcastId: { in: pageIds } }, select: { broadcastId: true } }),
  ]);
  const acknowledged = new Set(acks.map((a) => a.broadcastId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = pageIds.map((id): ArchiveItem => {
    const b = byId.get(id)!;
    const attachment = b.attachment ? (JSON.parse(b.attachment) as Attachment) : null;
    return {
      broadcastId: b.id,
      number: b.number,
      title: markdownToPlain(b.title),
      excerpt: excerpt(markdownToPlain(b.text)),
      publishedAt: b.publishedAt!.toISOString(),
      source: b.source,
      topic: b.topic,
      careerKind: b.careerKind,
      closesOn: b.closesOn,
      validUntil: b.validUntil?.toISOString() ?? null,
      attachmentName: attachment?.fileName ?? null,
      mandatory: b.mandatory,
      needsAck: b.needsAck,
      acknowledged: acknowledged.has(b.id),
      calledOff: b.calledOff,
    };
  });
  return { items, page, pages, total };
}
