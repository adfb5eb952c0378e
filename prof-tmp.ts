import { cliActor } from './core/auth/actor.js';
import { fixedClock } from './core/clock/clock.js';
import { parseConfig } from './core/config/load-config.js';
import { createLogger } from './core/logging/logger.js';
import { startRuntime } from './core/runtime.js';
import { monthWindow } from './core/reports/report-month.js';
const rss = () => (process.memoryUsage().rss / 1048576).toFixed(0);
console.log('start', rss());
const runtime = await startRuntime(parseConfig({ DATABASE_URL: 'file:/tmp/r17/big/layani.db', LOG_LEVEL: 'silent' }), { log: createLogger('silent'), clock: fixedClock('2026-12-06T03:00:00Z'), watchCorpus: false });
console.log('runtime', rss());
const w = monthWindow('2026-11');
const agencyId = (await runtime.db.agency.findFirstOrThrow()).id;
for (let i = 0; i < 2; i++) {
let t = performance.now();
const tickets = await runtime.db.ticket.findMany({ where: { agencyId, createdAt: { gte: w.from, lt: w.to } }, select: { agencyId: true, category: true, channel: true, confidential: true, status: true, createdAt: true, firstResponseAt: true, firstResponseDueAt: true, resolvedAt: true, resolutionDueAt: true, csatRating: true } });
console.log('tickets findMany', (performance.now() - t).toFixed(0), tickets.length, rss());
t = performance.now();
for (const x of tickets) { if (x.firstResponseAt) runtime.settings.businessCalendar.businessMinutesBetween(x.createdAt, x.firstResponseAt); if (x.resolvedAt) runtime.settings.businessCalendar.businessMinutesBetween(x.createdAt, x.resolvedAt); }
console.log('business minutes', (performance.now() - t).toFixed(0));
}
const { collectMonth } = await import('./core/reports/collect-report.js');
let t = performance.now();
await collectMonth({ db: runtime.db, calendar: runtime.settings.businessCalendar, now: runtime.clock.now() }, { kind: 'agency', agencies: [{ id: agencyId, code: 'DKP', name: 'x' }], title: 'x' }, w);
console.log('collectMonth', (performance.now() - t).toFixed(0), rss());
t = performance.now();
await collectMonth({ db: runtime.db, calendar: runtime.settings.businessCalendar, now: runtime.clock.now() }, { kind: 'agency', agencies: [{ id: agencyId, code: 'DKP', name: 'x' }], title: 'x' }, w);
console.log('collectMonth again', (performance.now() - t).toFixed(0), rss());
await import('echarts'); console.log('echarts loaded', rss());
await import('pdfkit'); console.log('pdfkit loaded', rss());
await runtime.close();
