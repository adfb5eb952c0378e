import type { Actor } from '../auth/actor.js';
import { todayInJakarta } from '../dates/calendar-date.js';
import type { Prisma } from '../../generated/prisma-sqlite/index.js';
import { changedFields, toEmployeeRecord } from '../records/employee-row.js';
import type { EmployeeRecord } from '../records/employee.js';
import { saveEmployees } from '../records/save-employees.js';
import { recomputeRemindersForEmployees } from '../reminders/recompute-after-save.js';
import type { Runtime } from '../runtime.js';
import { fetchSiasnEmployee } from './fetch-employee.js';
import { currentAndNextKpPeriods, fetchKpProposals, storeKpProposals } from './kp-proposals.js';
import { mergeSiasnFields } from './merge-siasn.js';
import { SiasnClient, SiasnError } from './siasn-client.js';
import type { SiasnSettings } from './siasn-settings.js';
import { acquireSyncLease, releaseSyncLease } from './sync-lease.js';

/** Who changes records in the audit log when SIASN is the source. */
export const siasnActor: Actor = { ref: 'siasn', role: 'admin', employeeId: null, agencyId: null };

export interface SyncChange {
  nip: string;
  before: Partial<EmployeeRecord>;
  after: Partial<EmployeeRecord>;
}

export interface SyncOptions {
  trigger: 'cli' | 'nightly';
  dryRun: boolean;
  /** Only these NIPs (digits only); default every active employee. */
  nips?: readonly string[];
  onProgress?(done: number, total: number): void;
  /** Called for every difference found (before it is saved, or instead of saving on a dry run). */
  onChange?(change: SyncChange): void;
  signal?: AbortSignal;
  /** Tests and the benchmark bring their own client (to read its call counts or move its clock). */
  client?: SiasnClient;
}

export interface SyncReport {
  runId: string;
  dryRun: boolean;
  checked: number;
  changed: number;
  unchanged: number;
  /** NIPs SIASN does not know: reported, never deleted. */
  unknown: string[];
  /** NIPs given with --nip that are not in LAYANI (the sync creates nobody). */
  notInLayani: string[];
  failed: Array<{ nip: string; reason: string }>;
  /** SIASN lists these as not active (CLTN, pensiun, …): for HR to decide; `active` is never changed by the sync. */
  notActiveInSiasn: Array<{ nip: string; kedudukan: string }>;
  /** SIASN values the record could not take, per NIP. */
  rejectedFields: Array<{ nip: string; fields: string[] }>;
  kpProposals: number | null;
  /** Set when the run stopped early (credentials refused, SIASN down, cancelled). */
  stoppedBecause: string | null;
  requests: number;
  ms: number;
}

const pageSize = 500;

export class SyncBusyError extends Error {
  override name = 'SyncBusyError';
}

/**
 * Refreshes employees from SIASN: every active employee (or the NIPs given), a page at a time. Each difference is
 * reported and, unless it is a dry run, saved through the same path as an import (one audit entry per changed
 * record with every field's old and new value), after which the changed employees' reminders are planned again.
 * Then the KP proposals of the current and next period are stored. Nothing is ever deleted, and nothing is sent
 * to SIASN but reads.
 */
export async function runSiasnSync(runtime: Runtime, settings: SiasnSettings, options: SyncOptions): Promise<SyncReport> {
  const started = Date.now();
  const now = runtime.clock.now();
  const lease = await acquireSyncLease(runtime.db, now);
  if (!lease.ok) {
    throw new SyncBusyError(`Sinkronisasi SIASN lain sedang berjalan sejak ${lease.since.toISOString()}. Tunggu sampai selesai, lalu jalankan lagi.`);
  }
  try {
    return await syncUnderLease(runtime, settings, options, started, now);
  } finally {
    await releaseSyncLease(runtime.db);
  }
}

async function syncUnderLease(runtime: Runtime, settings: SiasnSettings, options: SyncOptions, started: number, now: Date): Promise<SyncReport> {
  const client = options.client ?? new SiasnClient(settings, { log: runtime.log });
  try {
    return await syncWith(runtime, client, options, started, now);
  } finally {
    if (!options.client) client.close();
  }
}

async function syncWith(runtime: Runtime, client: SiasnClient, options: SyncOptions, started: number, now: Date): Promise<SyncReport> {
  const run = await runtime.db.siasnSyncRun.create({ data: { trigger: options.trigger, dryRun: options.dryRun, startedAt: now } });
  const requestsBefore = client.counts.api;
  const report: SyncReport = {
    runId: run.id, dryRun: options.dryRun, checked: 0, changed: 0, unchanged: 0, unknown: [], notInLayani: [], failed: [],
    notActiveInSiasn: [], rejectedFields: [], kpProposals: null, stoppedBecause: null, requests: 0, ms: 0,
  };
  // Saving a page overlaps fetching the next one: SIASN's pace, not the database, should set the run's length.
  let saving: Promise<void> = Promise.resolve();
  try {
    const where: Prisma.EmployeeWhereInput = options.nips ? { nip: { in: [...options.nips] } } : { active: true };
    const total = options.nips ? options.nips.length : await runtime.db.employee.count({ where });
    if (options.nips) {
      const known = new Set((await runtime.db.employee.findMany({ where, select: { nip: true } })).map((e) => e.nip));
      report.notInLayani = options.nips.filter((nip) => !known.has(nip));
    }
    options.onProgress?.(0, total);
    let done = report.notInLayani.length;
    const readPage = (after: string | undefined) =>
      runtime.db.employee.findMany({ where, orderBy: { nip: 'asc' }, take: pageSize, ...(after ? { cursor: { nip: after }, skip: 1 } : {}) });
    let page = await readPage(undefined);
    while (page.length > 0) {
      const following = page.length < pageSize ? Promise.resolve([]) : readPage(page.at(-1)!.nip);
      const updates = new Map<string, { employeeId: string; record: EmployeeRecord }[]>();
      const stopped = () => options.signal?.aborted ?? false;
      await eachInPool(page, client.parallelism, stopped, async (row) => {
        const stored = toEmployeeRecord(row);
        try {
          const found = await fetchSiasnEmployee(client, stored, runtime.log);
          report.checked += 1;
          if (found.kind === 'unknown') report.unknown.push(stored.nip);
          else if (found.kind === 'malformed') report.failed.push({ nip: stored.nip, reason: found.reason });
          else {
            if (found.kedudukan && !/^aktif$/i.test(found.kedudukan)) report.notActiveInSiasn.push({ nip: stored.nip, kedudukan: found.kedudukan });
            const { record, rejected } = mergeSiasnFields(stored, found.fields);
            if (rejected.length > 0) report.rejectedFields.push({ nip: stored.nip, fields: rejected });
            const diff = changedFields(stored, record);
            if (!diff) report.unchanged += 1;
            else {
              report.changed += 1;
              options.onChange?.({ nip: stored.nip, before: diff.before, after: diff.after });
              const list = updates.get(row.agencyId) ?? [];
              list.push({ employeeId: row.id, record });
              updates.set(row.agencyId, list);
            }
          }
        } catch (error) {
          // Refused credentials fail every later call too: stop. SIASN briefly down: note this NIP, go on.
          if (error instanceof SiasnError && error.kind !== 'auth') report.failed.push({ nip: stored.nip, reason: error.message });
          else throw error;
        }
        done += 1;
        options.onProgress?.(done, total);
      });
      if (!options.dryRun) saving = saving.then(() => saveUpdates(runtime, updates));
      // Shutting down: what this page found is saved; the rest waits for the next run.
      if (stopped()) throw new SiasnError('dihentikan karena LAYANI berhenti; sisanya diperiksa pada sinkronisasi berikutnya', 'unavailable');
      page = await following;
    }
    await saving;
    report.kpProposals = await refreshKpProposals(runtime, client, options.dryRun);
  } catch (caught) {
    let error = caught;
    // What was already fetched is still saved; a save that failed is reported below like any other failure.
    const saveError = await saving.then(() => null, (e: unknown) => e);
    if (saveError) error = saveError;
    if (!(error instanceof SiasnError)) {
      await finishRun(runtime, report, 'failed', 'kesalahan di LAYANI', started, client.counts.api - requestsBefore);
      throw error;
    }
    report.stoppedBecause = error.message;
  }
  await finishRun(runtime, report, report.stoppedBecause ? 'stopped' : 'done', report.stoppedBecause, started, client.counts.api - requestsBefore);
  runtime.log.info(
    { trigger: options.trigger, dryRun: options.dryRun, checked: report.checked, changed: report.changed, unknown: report.unknown.length, failed: report.failed.length, stopped: report.stoppedBecause !== null, ms: report.ms },
    'SIASN sync finished',
  );
  return report;
}

/** Saves one page's changed records (one audit entry each, as an import does) and replans their reminders. */
async function saveUpdates(runtime: Runtime, updates: Map<string, { employeeId: string; record: EmployeeRecord }[]>): Promise<void> {
  for (const [agencyId, list] of updates) {
    await saveEmployees(runtime.db, siasnActor, agencyId, list.map((u) => u.record));
    await recomputeRemindersForEmployees(runtime.contextFor(siasnActor), list.map((u) => u.employeeId));
  }
}

async function refreshKpProposals(runtime: Runtime, client: SiasnClient, dryRun: boolean): Promise<number | null> {
  const periods = currentAndNextKpPeriods(todayInJakarta(runtime.clock.now()), runtime.settings.careerRules);
  let count = 0;
  for (const period of periods) {
    const rows = await fetchKpProposals(client, period, runtime.log);
    if (rows === null) return null;
    count += rows.length;
    if (!dryRun) await storeKpProposals(runtime.db, period, rows, runtime.clock.now());
  }
  return count;
}

async function finishRun(runtime: Runtime, report: SyncReport, status: string, error: string | null, started: number, requests: number): Promise<void> {
  report.ms = Date.now() - started;
  report.requests = requests;
  await runtime.db.siasnSyncRun.update({
    where: { id: report.runId },
    data: {
      status,
      finishedAt: runtime.clock.now(),
      checked: report.checked,
      changed: report.changed,
      unchanged: report.unchanged,
      unknown: report.unknown.length,
      failed: report.failed.length,
      kpProposals: report.kpProposals ?? 0,
      error,
      details: JSON.stringify({
        unknown: report.unknown.slice(0, 200),
        failed: report.failed.slice(0, 200).map((f) => f.nip),
        notActiveInSiasn: report.notActiveInSiasn.slice(0, 200),
      }),
    },
  });
}

/** Runs `work` over `items` with at most `width` at a time (the client paces the requests themselves). */
async function eachInPool<T>(items: readonly T[], width: number, stopped: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length && !failed && !stopped()) {
      try {
        await work(items[next++]!);
      } catch (error) {
        // The other lanes stop taking work: a refused credential would only be refused again.
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(lanes);
}
