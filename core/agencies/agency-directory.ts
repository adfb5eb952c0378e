import type { Db } from '../db/client.js';
import { channelForPurpose, type AgencyDesk, type DeskChannels, type DeskPurpose } from './agency-desk.js';

/** How long the agencies read from the database are reused; a change made by another process shows within this. */
export const agencyCacheMs = 10_000;

export interface AgencyDirectoryOptions {
  defaultAgencyCode: string;
  /** The SLACK_*_CHANNEL settings: the default agency's channels where the database has none. */
  defaultChannels: DeskChannels;
  now?: () => number;
  cacheMs?: number;
}

type AgencyRow = Awaited<ReturnType<Db['agency']['findMany']>>[number];

function parseList(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Every agency's desk, read from the database and kept for a few seconds (a province has about 40 agencies, so all
 * of them are read at once). The one place that answers "which channel does this go to" and "whose desk is this
 * channel".
 */
export class AgencyDirectory {
  private cached: { at: number; desks: AgencyDesk[] } | null = null;
  private loading: Promise<AgencyDesk[]> | null = null;
  private readonly now: () => number;
  private readonly cacheMs: number;

  constructor(
    private readonly db: Db,
    private readonly options: AgencyDirectoryOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.cacheMs = options.cacheMs ?? agencyCacheMs;
  }

  get defaultAgencyCode(): string {
    return this.options.defaultAgencyCode;
  }

  /** Forget what was read (after this process changed an agency). */
  invalidate(): void {
    this.cached = null;
  }

  async all(): Promise<AgencyDesk[]> {
    if (this.cached && this.now() - this.cached.at < this.cacheMs) return this.cached.desks;
    this.loading ??= this.db.agency
      .findMany({ orderBy: { code: 'asc' } })
      .then((rows) => {
        const desks = rows.map((row) => this.toDesk(row));
        this.cached = { at: this.now(), desks };
        return desks;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  async byId(agencyId: string): Promise<AgencyDesk | null> {
    return this.find((desk) => desk.id === agencyId);
  }

  async byCode(code: string): Promise<AgencyDesk | null> {
    const wanted = code.trim().toUpperCase();
    return this.find((desk) => desk.code === wanted);
  }

  /** An agency another process registered a moment ago is read at once rather than after the cache expires. */
  private async find(match: (desk: AgencyDesk) => boolean): Promise<AgencyDesk | null> {
    const found = (await this.all()).find(match);
    if (found) return found;
    this.invalidate();
    return (await this.all()).find(match) ?? null;
  }

  async defaultAgency(): Promise<AgencyDesk> {
    const desk = await this.byCode(this.options.defaultAgencyCode);
    if (!desk) throw new Error(`default agency ${this.options.defaultAgencyCode} is missing`);
    return desk;
  }

  /** The province HR bureau's agencies (usually one: BKPSDMD). */
  async provinceAgencies(): Promise<AgencyDesk[]> {
    return (await this.all()).filter((desk) => desk.province);
  }

  async channelsOf(agencyId: string): Promise<DeskChannels> {
    return (await this.byId(agencyId))?.channels ?? { triage: null, confidential: null, feedback: null };
  }

  /**
   * The Slack channel an agency's message for `purpose` goes to: a ticket card, feedback, the digest, a reminder
   * escalation, a career-interest list, a FAQ draft or an approval request. Null: the agency has no such channel.
   */
  async channelFor(agencyId: string, purpose: DeskPurpose): Promise<string | null> {
    return channelForPurpose(await this.channelsOf(agencyId), purpose);
  }

  /** Whose desk a Slack channel is: the agency and whether it is that agency's triage or leads' channel. */
  async deskOfChannel(channel: string): Promise<{ agency: AgencyDesk; kind: 'triage' | 'confidential' } | null> {
    for (const agency of await this.all()) {
      if (!agency.active) continue;
      if (agency.channels.confidential === channel) return { agency, kind: 'confidential' };
      if (agency.channels.triage === channel) return { agency, kind: 'triage' };
    }
    return null;
  }

  private toDesk(row: AgencyRow): AgencyDesk {
    const stored: DeskChannels = { triage: row.triageChannel, confidential: row.confidentialChannel, feedback: row.feedbackChannel };
    const fallback = row.code === this.options.defaultAgencyCode ? this.options.defaultChannels : { triage: null, confidential: null, feedback: null };
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      province: row.province,
      active: row.active,
      stored,
      channels: {
        triage: stored.triage ?? fallback.triage,
        confidential: stored.confidential ?? fallback.confidential,
        feedback: stored.feedback ?? fallback.feedback,
      },
      telegramGroups: parseList(row.telegramGroups),
      hrLeads: parseList(row.hrLeads),
      sla: { firstResponseMinutes: row.firstResponseMinutes, resolutionMinutes: row.resolutionMinutes },
    };
  }
}
