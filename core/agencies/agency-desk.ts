import { z } from 'zod';

export const agencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{2,32}$/, 'kode instansi: 2–32 huruf kapital, angka, - atau _ (mis. DINKES)');

const slackChannelId = z.string().trim().regex(/^[CG][A-Z0-9]{2,}$/, 'ID kanal Slack seperti C0123ABCD (bukan #nama-kanal)');
const slackUserId = z.string().trim().regex(/^[UW][A-Z0-9]{2,}$/, 'ID pengguna Slack seperti U0123ABCD');
const telegramGroupId = z.string().trim().regex(/^-\d+$/, 'ID grup Telegram berupa angka negatif, mis. -1001234567890');
const businessMinutes = z.number().int().min(15, 'target SLA minimal 15 menit kerja').max(60 * 24 * 60, 'target SLA terlalu panjang');

/** What an operator may set on an agency's desk (every field optional: only the given ones change; null clears). */
export const agencyDeskInputSchema = z.object({
  name: z.string().trim().min(3, 'nama instansi minimal 3 karakter').max(200).optional(),
  triageChannel: slackChannelId.nullable().optional(),
  confidentialChannel: slackChannelId.nullable().optional(),
  feedbackChannel: slackChannelId.nullable().optional(),
  telegramGroups: z.array(telegramGroupId).optional(),
  hrLeads: z.array(slackUserId).optional(),
  firstResponseMinutes: businessMinutes.nullable().optional(),
  resolutionMinutes: businessMinutes.nullable().optional(),
  province: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type AgencyDeskInput = z.infer<typeof agencyDeskInputSchema>;

/** Where one agency's HR desk lives in Slack. */
export interface DeskChannels {
  triage: string | null;
  confidential: string | null;
  feedback: string | null;
}

/** One agency (OPD) as the desk sees it: its channels with the settings' fallback already applied. */
export interface AgencyDesk {
  id: string;
  code: string;
  name: string;
  province: boolean;
  active: boolean;
  channels: DeskChannels;
  /** The channels as stored (null where the default agency falls back to the SLACK_*_CHANNEL settings). */
  stored: DeskChannels;
  telegramGroups: string[];
  hrLeads: string[];
  sla: { firstResponseMinutes: number | null; resolutionMinutes: number | null };
}

/**
 * Why a message goes to Slack; each purpose has one channel of the agency's desk. Digests, reminder escalations and
 * career-interest lists are work for the HR officers; FAQ drafts, approvals and the monthly service report are the
 * leads' (approvals fall back to triage when an agency has no leads' channel).
 */
export const deskPurposes = ['ticket', 'confidentialTicket', 'feedback', 'digest', 'reminderEscalation', 'careerInterest', 'faqDraft', 'broadcastApproval', 'serviceReport'] as const;
export type DeskPurpose = (typeof deskPurposes)[number];

export function channelForPurpose(channels: DeskChannels, purpose: DeskPurpose): string | null {
  switch (purpose) {
    case 'ticket':
    case 'digest':
    case 'reminderEscalation':
    case 'careerInterest':
      return channels.triage;
    case 'confidentialTicket':
    case 'faqDraft':
    case 'serviceReport':
      return channels.confidential;
    case 'broadcastApproval':
      return channels.confidential ?? channels.triage;
    case 'feedback':
      return channels.feedback;
  }
}

/** The setting an operator fills for a purpose's channel, named in "no channel" errors. */
export function channelSettingFor(purpose: DeskPurpose): string {
  const kind = channelForPurposeKind(purpose);
  return `\`layani agency set KODE --${kind}\` (atau SLACK_${kind.toUpperCase()}_CHANNEL untuk instansi bawaan)`;
}

function channelForPurposeKind(purpose: DeskPurpose): 'triage' | 'confidential' | 'feedback' {
  if (purpose === 'feedback') return 'feedback';
  if (purpose === 'confidentialTicket' || purpose === 'faqDraft' || purpose === 'broadcastApproval' || purpose === 'serviceReport') return 'confidential';
  return 'triage';
}
