import { todayInJakarta } from '../dates/calendar-date.js';
import type { Runtime } from '../runtime.js';
import { claimJobRun } from '../scheduling/job-run.js';
import { runSiasnSync, SyncBusyError, type SyncReport } from './siasn-sync.js';

export const siasnNightlyJob = 'siasn.nightly';

/**
 * The nightly SIASN sync (SIASN_SYNC_CRON, off-hours WIB). Every instance's cron fires; the day's JobRun row lets
 * one of them run it. Its summary goes into the next HR digest. Returns null when SIASN is off or another instance
 * (or an operator's `layani siasn sync`) has it.
 */
export async function runNightlySiasnSync(runtime: Runtime, now: Date, signal?: AbortSignal): Promise<SyncReport | null> {
  const settings = runtime.settings.siasn;
  if (!settings) return null;
  if (!(await claimJobRun(runtime.db, siasnNightlyJob, todayInJakarta(now), now))) return null;
  try {
    return await runSiasnSync(runtime, settings, { trigger: 'nightly', dryRun: false, signal });
  } catch (error) {
    if (error instanceof SyncBusyError) {
      runtime.log.warn('nightly SIASN sync skipped: another sync is running');
      return null;
    }
    throw error;
  }
}
