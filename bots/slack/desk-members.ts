import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../core/auth/actor.js';
import type { Runtime } from '../../core/runtime.js';
import type { DeskChannels } from '../../core/trpc/context.js';

/** How long a channel's member list is trusted before it is asked again. */
export const membershipTtlMs = 60_000;

interface CachedMembers {
  members: Set<string>;
  fetchedAt: number;
}

/**
 * Who may act in Slack: members of the desk channels, as read from Slack (conversations.members, cached for a
 * minute). Members of the triage channel act as HR officers, members of the confidential channel as HR leads;
 * everyone else is refused.
 */
export class DeskMembers {
  private readonly cache = new Map<string, CachedMembers>();
  private readonly inFlight = new Map<string, Promise<Set<string>>>();
  private agencyId: Promise<string> | null = null;

  constructor(
    private readonly runtime: Runtime,
    private readonly client: WebClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** The agency this Slack workspace serves (the deployment's default agency). */
  defaultAgencyId(): Promise<string> {
    if (!this.agencyId) {
      const code = this.runtime.settings.defaultAgencyCode;
      this.agencyId = this.runtime.db.agency.findUnique({ where: { code } }).then((agency) => {
        if (!agency) throw new Error(`default agency ${code} is missing`);
        return agency.id;
      });
      this.agencyId.catch(() => {
        this.agencyId = null;
      });
    }
    return this.agencyId;
  }

  async deskChannels(): Promise<DeskChannels> {
    return this.runtime.settings.deskChannelsFor(await this.defaultAgencyId());
  }

  async isMember(channel: string, userId: string): Promise<boolean> {
    return (await this.members(channel)).has(userId);
  }

  /**
   * The actor for a Slack user, or null when they are in neither desk channel. With `inChannel`, the user must
   * also be a member of the channel they act in.
   */
  async actorFor(userId: string, inChannel?: string): Promise<Actor | null> {
    const channels = await this.deskChannels();
    if (inChannel !== undefined) {
      if (inChannel !== channels.triage && inChannel !== channels.confidential) return null;
      if (!(await this.isMember(inChannel, userId))) return null;
    }
    const lead = channels.confidential ? await this.isMember(channels.confidential, userId) : false;
    const officer = lead || (channels.triage ? await this.isMember(channels.triage, userId) : false);
    if (!officer) return null;
    return { ref: `slack:${userId}`, role: lead ? 'hr_lead' : 'hr_officer', employeeId: null, agencyId: await this.defaultAgencyId() };
  }

  private async members(channel: string): Promise<Set<string>> {
    const cached = this.cache.get(channel);
    if (cached && this.now() - cached.fetchedAt < membershipTtlMs) return cached.members;
    let pending = this.inFlight.get(channel);
    if (!pending) {
      pending = this.fetchMembers(channel).finally(() => this.inFlight.delete(channel));
      this.inFlight.set(channel, pending);
    }
    try {
      return await pending;
    } catch (error) {
      // Slack unreachable: a list a little older than a minute is better than refusing the whole desk.
      if (cached) return cached.members;
      throw error;
    }
  }

  private async fetchMembers(channel: string): Promise<Set<string>> {
    const members = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const id of page.members ?? []) members.add(id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    this.cache.set(channel, { members, fetchedAt: this.now() });
    return members;
  }
}
