import { z } from 'zod';
import type { CareerRules } from '../career/rules.js';
import { isKpPeriod } from '../career/kp-periods.js';
import { addMonths, firstOfMonth, isAfter, type CalendarDate } from '../dates/calendar-date.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import { readSiasnAnswer } from './siasn-answer.js';
import { shapeOf, type SiasnClient } from './siasn-client.js';
import { siasnDate } from './siasn-dates.js';

/**
 * KP (promotion) proposals from `pns/list-kp-instansi?periode=YYYY-MM-DD`: the agency's proposals for one
 * period, each with its status. Stored per NIP and period so staff and HR read them without calling SIASN.
 */

const text = z.unknown().transform((v): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}).optional();
const proposalSchema = z.looseObject({
  id: text,
  nipBaru: text,
  nip: text,
  statusUsulan: text,
  status_usulan: text,
  statusUsulanNama: text,
  keterangan: text,
  jenis_kp: text,
  jenisKp: text,
  detailLayananNama: text,
  tmtKp: text,
  no_pertek: text,
  tgl_pertek: text,
  no_sk: text,
  tgl_sk: text,
});

export interface KpProposalRow {
  period: string;
  nip: string;
  proposalId: string | null;
  statusCode: string | null;
  statusName: string | null;
  kpType: string | null;
  tmtKp: string | null;
  pertekNumber: string | null;
  pertekDate: string | null;
  skNumber: string | null;
  skDate: string | null;
}

/** The period in progress (the latest on or before today) and the next one, whose proposals are being filed. */
export function currentAndNextKpPeriods(today: CalendarDate, rules: CareerRules): [CalendarDate, CalendarDate] {
  let current = firstOfMonth(today);
  while (!isKpPeriod(current, rules)) current = addMonths(current, -1);
  let next = addMonths(current, 1);
  while (!isKpPeriod(next, rules) || !isAfter(next, today)) next = addMonths(next, 1);
  return [current, next];
}

/** Reads one period's list from SIASN. A list that cannot be read is null (logged by shape only). */
export async function fetchKpProposals(client: SiasnClient, period: CalendarDate, log: Logger): Promise<KpProposalRow[] | null> {
  const payload = readSiasnAnswer(await client.get('pns/list-kp-instansi', { periode: period }));
  if (payload.kind === 'not_found') return [];
  if (payload.kind === 'malformed' || !Array.isArray(payload.data)) {
    log.warn({ endpoint: 'list-kp-instansi', ...(payload.kind === 'malformed' ? { reason: payload.reason } : { shape: shapeOf(payload.data) }) }, 'SIASN KP list not readable');
    return null;
  }
  const rows: KpProposalRow[] = [];
  for (const item of payload.data) {
    const parsed = proposalSchema.safeParse(item);
    if (!parsed.success) continue;
    const p = parsed.data;
    const nip = (p.nipBaru ?? p.nip ?? '').replace(/\D/g, '');
    if (nip.length !== 18) continue;
    rows.push({
      period,
      nip,
      proposalId: p.id ?? null,
      statusCode: p.statusUsulan ?? p.status_usulan ?? null,
      statusName: p.statusUsulanNama ?? p.keterangan ?? null,
      kpType: p.jenis_kp ?? p.jenisKp ?? p.detailLayananNama ?? null,
      tmtKp: siasnDate(p.tmtKp) ?? null,
      pertekNumber: p.no_pertek ?? null,
      pertekDate: siasnDate(p.tgl_pertek) ?? null,
      skNumber: p.no_sk ?? null,
      skDate: siasnDate(p.tgl_sk) ?? null,
    });
  }
  return rows;
}

/** Replaces a period's stored proposals with SIASN's list (a proposal SIASN no longer lists is removed). */
export async function storeKpProposals(db: Db, period: CalendarDate, rows: readonly KpProposalRow[], now: Date): Promise<void> {
  const employees = new Map<string, string>();
  for (let start = 0; start < rows.length; start += 500) {
    const found = await db.employee.findMany({ where: { nip: { in: rows.slice(start, start + 500).map((r) => r.nip) } }, select: { id: true, nip: true } });
    for (const e of found) employees.set(e.nip, e.id);
  }
  await db.$transaction(
    async (tx) => {
      await tx.siasnKpProposal.deleteMany({ where: { period, nip: { notIn: rows.map((r) => r.nip) } } });
      for (const row of rows) {
        const data = { ...row, employeeId: employees.get(row.nip) ?? null, fetchedAt: now };
        await tx.siasnKpProposal.upsert({ where: { period_nip: { period, nip: row.nip } }, create: data, update: data });
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** An employee's stored proposals, newest period first. */
export function kpProposalsOf(db: Db, employeeId: string) {
  return db.siasnKpProposal.findMany({ where: { employeeId }, orderBy: { period: 'desc' } });
}
