import { z } from 'zod';
import { enqueue } from '../outbox/enqueue.js';
import { ownEmployee } from '../records/employee-access.js';
import type { CoreContext } from '../trpc/context.js';

export const feedbackKinds = ['masukan', 'keluhan', 'kritik'] as const;
export const feedbackKindSchema = z.enum(feedbackKinds);
export type FeedbackKind = z.infer<typeof feedbackKindSchema>;

const kindLabel: Record<FeedbackKind, string> = { masukan: 'Masukan', keluhan: 'Keluhan', kritik: 'Kritik' };

/**
 * Suggestions, complaints and criticism for HR. Anonymous feedback stores no link to the sender anywhere: not
 * on the row, not in the audit log, not in the outbox message, not in the logs.
 */
export async function submitFeedback(ctx: CoreContext, input: { kind: FeedbackKind; text: string; anonymous: boolean }) {
  const employee = await ownEmployee(ctx);
  // The employee's own agency's feedback channel: one agency never reads another's complaints.
  const channel = await ctx.settings.agencies.channelFor(employee.agencyId, 'feedback');
  const from = input.anonymous ? 'Anonim' : `${employee.name} (${employee.unit})`;
  const text = `*${kindLabel[input.kind]}* dari ${from}\n\n${input.text}`;
  await ctx.db.$transaction(async (tx) => {
    await tx.feedback.create({
      data: {
        agencyId: employee.agencyId,
        kind: input.kind,
        text: input.text,
        anonymous: input.anonymous,
        employeeId: input.anonymous ? null : employee.id,
      },
    });
    if (channel) await enqueue(tx, { channel: 'slack', kind: 'slack.channelMessage', slackChannel: channel, text });
  });
  if (!input.anonymous) ctx.log.info({ kind: input.kind }, 'feedback received');
  return { ok: true, routed: channel !== null };
}
