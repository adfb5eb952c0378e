// `npm run bench`: prints the figures the issues ask for. PostgreSQL runs when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names a server, or when the local default server answers.
import pg from 'pg';
import type { DatabaseKind } from '../core/db/database-url.js';
import { benchRecords } from './records-bench.js';
import { benchRelay, type RelayDirection } from './relay-bench.js';
import { benchFaq } from './faq-bench.js';
import { benchBroadcast } from './broadcast-bench.js';
import { benchProvince } from './province-bench.js';
import { benchReminderPlanning, benchReminders } from './reminders-bench.js';
import { benchSiasn } from './siasn-bench.js';
import { benchReport } from './report-bench.js';

async function postgresAvailable(): Promise<boolean> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    process.env.TEST_DATABASE_URL = url;
    return true;
  } catch {
    return false;
  }
}

const wanted = (process.env.BENCH_DATABASES ?? 'sqlite,postgresql').split(',') as DatabaseKind[];
const kinds: DatabaseKind[] = wanted.filter((kind) => kind === 'sqlite');
if (wanted.includes('postgresql')) {
  if (await postgresAvailable()) kinds.push('postgresql');
  else console.log('PostgreSQL not reachable: set BENCH_DATABASE_URL to include it.');
}

console.log(`LAYANI benchmarks — node ${process.version}, ${new Date().toISOString()}`);

const only = process.env.BENCH_ONLY; // records | relay | faq | broadcast | reminders | report | siasn | province
if (!only || only === 'faq') await benchFaq();
if (!only || only === 'reminders') benchReminderPlanning();
const relaySeconds = Number(process.env.BENCH_RELAY_SECONDS ?? 60);
const relayRates = (process.env.BENCH_RELAY_RATES ?? '50,200').split(',').map(Number);
const relayDirections = (process.env.BENCH_RELAY_DIRECTIONS ?? 't2s,s2t').split(',') as RelayDirection[];
for (const kind of kinds) {
  if (!only || only === 'records') await benchRecords(kind);
  if (!only || only === 'relay') await benchRelay(kind, relayRates, relaySeconds, relayDirections);
  if (!only || only === 'broadcast') await benchBroadcast(kind, Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 5000));
  if (!only || only === 'reminders') await benchReminders(kind);
  if (!only || only === 'siasn') await benchSiasn(kind, Number(process.env.BENCH_SIASN_EMPLOYEES ?? 10_000), Number(process.env.BENCH_SIASN_RATE ?? 150));
  if (!only || only === 'report') await benchReport(kind);
}
if (!only || only === 'province') {
  if (kinds.includes('postgresql')) {
    await benchProvince({
      relayRate: Number(process.env.BENCH_PROVINCE_RELAY_RATE ?? 200),
      relaySeconds: Number(process.env.BENCH_PROVINCE_RELAY_SECONDS ?? 30),
      telegramRate: Number(process.env.BENCH_PROVINCE_TELEGRAM_RATE ?? 30),
    });
  } else console.log('province: needs PostgreSQL (two instances share one database); skipped');
}
