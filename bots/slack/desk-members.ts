import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../core/auth/actor.js';
import type { Runtime } from '../../core/runtime.js';
import { deskActorFor, type ChannelMembership, type DeskActorDecision } from '../../core/agencies/desk-actor.js';

/** How long a channel's member list is trusted before it is asked again. */
export const membershipTtlMs = 60_000;

interface CachedMembers {
  members: Set<string>;
  fetchedAt: number;
}

/**
 * Channel membership as Slack reports it (conversations.members, cached for a minute), and who acts for which
 * agency. The decision itself is the core's (deskActorFor): the channel an action happens in says for which
 * agency, and being in that agency's triage or leads' channel says with which role.
 */
export class DeskMembers implements ChannelMembership {
  private readonly cache = new Map<string, CachedMembers>();
  private readonly inFlight = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly runtime: Runtime,
    private readonly client: WebClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a channel is some agency's triage or leads' channel (where tickets and their threads live). */
  async isDeskChannel(channel: string): Promise<boolean> {
    return (await this.runtime.settings.agencies.deskOfChannel(channel)) !== null;
  }

  async isMember(channel: string, userId: string): Promise<boolean> {
    return (await this.members(channel)).has(userId);
  }

  /**
   * The core's decision for this user acting in `inChannel` (or, without one, wherever they are). A slash command
   * needs only membership of that agency's desk; acting on a card or thread needs membership of its channel.
   */
  decide(userId: string, inChannel?: string | null, options: { mustBeInChannel?: boolean } = {}): Promise<DeskActorDecision> {
    return deskActorFor(this.runtime.settings.agencies, this, userId, inChannel, options);
  }

  /** The actor for a Slack user acting in `inChannel`, or null when they may not act there. */
  async actorFor(userId: string, inChannel?: string | null): Promise<Actor | null> {
    const decision = await this.decide(userId, inChannel);
    return decision.ok ? decision.actor : null;
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
