import type { Actor } from '../auth/actor.js';
import type { AgencyDesk } from './agency-desk.js';
import type { AgencyDirectory } from './agency-directory.js';

/** Whether a chat user is in a channel, as the chat platform says (the adapter asks and caches). */
export interface ChannelMembership {
  isMember(channel: string, userId: string): Promise<boolean>;
}

export type DeskActorDecision =
  | { ok: true; actor: Actor; agency: AgencyDesk }
  /** `outside`: in no agency's desk (or not in the desk channel acted in); `ambiguous`: in several, acting elsewhere. */
  | { ok: false; reason: 'outside' }
  | { ok: false; reason: 'ambiguous'; agencies: string[] };

function actorOf(userId: string, agency: AgencyDesk, lead: boolean): Actor {
  return { ref: `slack:${userId}`, role: lead ? 'hr_lead' : 'hr_officer', employeeId: null, agencyId: agency.id, province: agency.province };
}

async function leadOf(membership: ChannelMembership, agency: AgencyDesk, userId: string): Promise<boolean> {
  return agency.channels.confidential ? membership.isMember(agency.channels.confidential, userId) : false;
}

/**
 * Which agency a Slack member acts for, decided by the channel the action happens in. In an agency's triage or
 * leads' channel they act for that agency only (as an HR lead when they are in its leads' channel, else as an
 * officer), and only if they are in that channel (`mustBeInChannel`, the default, for cards and threads) or at
 * least in that agency's desk (a slash command): so a card in agency A's channel is never handled on behalf of
 * agency B, whoever clicks it. Elsewhere (a direct message, another channel) they act for the one agency
 * whose desk they are in; someone in several desks is asked to act from the agency's own channel.
 */
export async function deskActorFor(
  agencies: AgencyDirectory,
  membership: ChannelMembership,
  userId: string,
  channel?: string | null,
  options: { mustBeInChannel?: boolean } = {},
): Promise<DeskActorDecision> {
  const desk = channel ? await agencies.deskOfChannel(channel) : null;
  if (desk) {
    // Acting on what is in the channel (a card, a thread) needs membership of that very channel.
    if ((options.mustBeInChannel ?? true) && !(await membership.isMember(channel!, userId))) return { ok: false, reason: 'outside' };
    const lead = await leadOf(membership, desk.agency, userId);
    const officer = lead || (desk.agency.channels.triage ? await membership.isMember(desk.agency.channels.triage, userId) : false);
    if (!officer) return { ok: false, reason: 'outside' };
    return { ok: true, actor: actorOf(userId, desk.agency, lead), agency: desk.agency };
  }
  const found: Array<{ agency: AgencyDesk; lead: boolean }> = [];
  for (const agency of await agencies.all()) {
    if (!agency.active) continue;
    const lead = await leadOf(membership, agency, userId);
    const officer = lead || (agency.channels.triage ? await membership.isMember(agency.channels.triage, userId) : false);
    if (officer) found.push({ agency, lead });
  }
  if (found.length === 0) return { ok: false, reason: 'outside' };
  if (found.length > 1) return { ok: false, reason: 'ambiguous', agencies: found.map((f) => f.agency.code) };
  const [only] = found;
  return { ok: true, actor: actorOf(userId, only!.agency, only!.lead), agency: only!.agency };
}
