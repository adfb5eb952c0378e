import Database from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../config/config-schema.js';
import type { DatabaseLocation } from '../db/database-url.js';
import type { Finding } from './doctor.js';
import { probeTimeoutMs } from './platform-probes.js';

export interface StoredDesk {
  code: string;
  triageChannel: string | null;
  confidentialChannel: string | null;
  feedbackChannel: string | null;
}

const deskQuery = `SELECT "code", "triageChannel", "confidentialChannel", "feedbackChannel" FROM "Agency" WHERE "active" = $1 ORDER BY "code"`;

/** The active agencies' desks, read without changing anything (none when the database predates agency desks). */
export async function readStoredDesks(location: DatabaseLocation): Promise<StoredDesk[]> {
  try {
    if (location.kind === 'sqlite') {
      const db = new Database(location.target, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(deskQuery.replace('$1', '?')).all(1) as StoredDesk[];
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: location.target, connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<StoredDesk>(deskQuery, [true])).rows;
    } finally {
      await client.end();
    }
  } catch {
    return [];
  }
}

export type ChannelState = 'member' | 'not_member' | 'not_found' | { error: string };

/** Whether the bot is in a channel (conversations.info's is_member). */
export async function botInChannel(apiUrl: string, token: string, channel: string): Promise<ChannelState> {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  try {
    const response = await fetch(`${base}conversations.info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ channel }).toString(),
      signal: AbortSignal.timeout(probeTimeoutMs),
    });
    const body = (await response.json().catch(() => null)) as { ok?: boolean; error?: string; channel?: { is_member?: boolean } } | null;
    if (body?.ok) return body.channel?.is_member ? 'member' : 'not_member';
    if (body?.error === 'channel_not_found') return 'not_found';
    return { error: body?.error ?? `HTTP ${response.status}` };
  } catch (error) {
    return { error: (error as Error).name === 'TimeoutError' ? 'TIMEOUT' : (error as Error).message };
  }
}

const kindLabel = { triage: 'triase', confidential: 'pimpinan (rahasia)', feedback: 'saran' } as const;

/**
 * One finding per active agency: the bot must be in its triage, leads' and feedback channels, or its cards and
 * messages wait in the outbox. The default agency's empty channels fall back to the SLACK_*_CHANNEL settings.
 */
export async function agencyChannelFindings(config: Config, desks: readonly StoredDesk[]): Promise<Finding[]> {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) return [];
  const findings: Finding[] = [];
  for (const desk of desks) {
    const isDefault = desk.code === config.DEFAULT_AGENCY_CODE;
    const channels = {
      triage: desk.triageChannel ?? (isDefault ? (config.SLACK_TRIAGE_CHANNEL ?? null) : null),
      confidential: desk.confidentialChannel ?? (isDefault ? (config.SLACK_CONFIDENTIAL_CHANNEL ?? null) : null),
      feedback: desk.feedbackChannel ?? (isDefault ? (config.SLACK_FEEDBACK_CHANNEL ?? null) : null),
    };
    const area = `Instansi ${desk.code}`;
    const problems: string[] = [];
    const fixes: string[] = [];
    if (!channels.triage) {
      problems.push('kanal triase belum diatur');
      fixes.push(`npx layani agency set ${desk.code} --triage <ID kanal>`);
    }
    for (const kind of ['triage', 'confidential', 'feedback'] as const) {
      const channel = channels[kind];
      if (!channel) continue;
      const state = await botInChannel(config.SLACK_API_URL, token, channel);
      if (state === 'member') continue;
      if (state === 'not_member') {
        problems.push(`bot belum ada di kanal ${kindLabel[kind]} ${channel}`);
        fixes.push(`di Slack buka kanal ${channel} lalu ketik /invite @LAYANI`);
      } else if (state === 'not_found') {
        problems.push(`kanal ${kindLabel[kind]} ${channel} tidak ditemukan`);
        fixes.push(`periksa ID kanal (detail kanal di Slack) lalu npx layani agency set ${desk.code} --${kind} <ID kanal>; kanal privat harus mengundang bot dulu`);
      } else {
        problems.push(`kanal ${kindLabel[kind]} ${channel} tidak dapat diperiksa (${state.error})`);
      }
    }
    findings.push(
      problems.length === 0
        ? { area, status: 'ok', summary: `bot ada di kanal ${(['triage', 'confidential', 'feedback'] as const).filter((k) => channels[k]).map((k) => kindLabel[k]).join(', ')}` }
        : { area, status: channels.triage ? 'fail' : 'warn', summary: problems.join('; '), ...(fixes.length ? { fix: [...new Set(fixes)].join('; ') } : {}) },
    );
  }
  return findings;
}
