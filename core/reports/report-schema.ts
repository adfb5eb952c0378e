import { z } from 'zod';
import { skmResultSchema } from '../survey/skm-index.js';

const count = z.number().int().nonnegative();
const countRow = z.object({ key: z.string(), label: z.string(), count });

/** Business-hour durations of one SLA target over the month's tickets. */
export const slaFiguresSchema = z.object({
  /** Tickets whose clock stopped (answered / resolved) before the cut-off. */
  measured: count,
  /** Business minutes; null when nothing was measured. */
  median: z.number().nullable(),
  p90: z.number().nullable(),
  met: count,
  breached: count,
  /** Not yet done and still within the target at the cut-off. */
  pending: count,
});
export type SlaFigures = z.infer<typeof slaFiguresSchema>;

/**
 * The monthly service report: counts and units only, never a name, NIP or message. Units (or agencies in the
 * province roll-up) with fewer than five people are reported as "lainnya".
 */
export const serviceReportSchema = z.object({
  scope: z.object({
    kind: z.enum(['agency', 'province']),
    agencyCode: z.string().nullable(),
    /** The agency's name, or the province roll-up's title. */
    title: z.string(),
    agencies: count,
  }),
  month: z.string(),
  monthLabel: z.string(),
  /** The month's cut-off: its end, or the moment the report was made when that is earlier (month in progress). */
  asOf: z.string(),
  generatedAt: z.string(),
  tickets: z.object({
    total: count,
    confidential: count,
    stillOpen: count,
    byCategory: z.array(countRow),
    byChannel: z.array(countRow),
  }),
  sla: z.object({
    firstResponse: slaFiguresSchema,
    resolution: slaFiguresSchema,
    byCategory: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        tickets: count,
        firstResponseMet: count,
        firstResponseBreached: count,
        resolutionMet: count,
        resolutionBreached: count,
        /** The category's targets in business minutes. */
        firstResponseTarget: z.number(),
        resolutionTarget: z.number(),
      }),
    ),
  }),
  csat: z.object({ responses: count, average: z.number().nullable(), distribution: z.array(count).length(5) }),
  skm: skmResultSchema,
  faq: z.object({
    answered: count,
    personal: count,
    escalated: count,
    refused: count,
    total: count,
    /** Documents staff rated 👎 in the month, most 👎 first. */
    unhelpfulDocuments: z.array(z.object({ documentId: z.string(), title: z.string(), helpful: count, unhelpful: count })),
  }),
  broadcasts: z.object({
    sent: count,
    list: z.array(
      z.object({ number: count, title: z.string(), recipients: count, delivered: count, needsAck: z.boolean(), acknowledged: count }),
    ),
    /** Broadcasts that asked for confirmation: recipients and confirmations per unit. */
    ackByUnit: z.array(z.object({ unit: z.string(), recipients: count, acknowledged: count, rate: z.number().nullable() })),
    ackRate: z.number().nullable(),
  }),
  reminders: z.object({
    total: count,
    sent: count,
    delivered: count,
    /** Could not reach the person (not linked, blocked the bot, refused by Telegram): HR saw them in the digest. */
    undeliverable: count,
    muted: count,
    byKind: z.array(z.object({ key: z.string(), label: z.string(), sent: count, undeliverable: count })),
  }),
  staff: z.object({
    active: count,
    linked: count,
    notLinked: count,
    byUnit: z.array(z.object({ unit: z.string(), people: count, linked: count, notLinked: count })),
  }),
  feedback: z.object({ total: count, byKind: z.array(countRow) }),
  /** Province roll-up only: one row per agency (agencies of fewer than five staff together as "lainnya"). */
  agencies: z.array(
    z.object({
      unit: z.string(),
      name: z.string(),
      tickets: count,
      firstResponseMedian: z.number().nullable(),
      resolutionMedian: z.number().nullable(),
      breaches: count,
      csatAverage: z.number().nullable(),
      ikm: z.number().nullable(),
      ackRate: z.number().nullable(),
      linkedShare: z.number().nullable(),
    }),
  ),
  /** The headline figures against the month before. */
  change: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      current: z.number().nullable(),
      previous: z.number().nullable(),
      /** "jumlah", "menit" (business minutes), "persen", "skala5", "ikm": how to print it. */
      unit: z.enum(['jumlah', 'menit', 'persen', 'skala5', 'ikm']),
      /** Whether a higher value is better (for the arrow's colour). */
      higherIsBetter: z.boolean(),
    }),
  ),
});
export type ServiceReport = z.infer<typeof serviceReportSchema>;
