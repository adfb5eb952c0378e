import type { ScheduledWork } from '../scheduling/scheduler.js';
import { expandRuns, startDueRuns } from './broadcast-runs.js';
import { sendNudges } from './nudges.js';

/** Starts due broadcasts and queues their messages; a run left half-queued by a crash is picked up here too. */
export const broadcastWork: ScheduledWork = {
  name: 'broadcasts',
  async run(runtime, now) {
    await startDueRuns(runtime.db, now);
    await expandRuns(runtime.db, now, runtime.log);
  },
};

export const nudgeWork: ScheduledWork = {
  name: 'broadcast-nudges',
  run: (runtime, now) => sendNudges(runtime.db, runtime.settings.businessCalendar, now, runtime.log),
};
