import { z } from 'zod';
import { nipSchema, positionTypes, pnsGolongan, pppkGolongan } from '../records/employee.js';

const rankGroups = ['I', 'II', 'III', 'IV'] as const;
const golonganOrGroup = z
  .string()
  .trim()
  .refine(
    (value) => (rankGroups as readonly string[]).includes(value) || (pnsGolongan as readonly string[]).includes(value) || (pppkGolongan as readonly string[]).includes(value),
    'golongan harus berupa kelompok (I, II, III, IV) atau golongan lengkap seperti III/a',
  );

/**
 * Who a broadcast or reminder is for. Employees: `everyone`, or the ones matching every filter given (units AND
 * ranks AND position types; any value within one filter), plus the explicit NIPs. Chats: Telegram groups and
 * Slack channels, as they are. An empty audience reaches nobody, so a forgotten filter never means "everyone".
 */
export const audienceSchema = z.object({
  everyone: z.boolean().default(false),
  units: z.array(z.string().trim().min(1)).default([]),
  /** "III" is every III/a–III/d; "III/b" is that rank only. */
  golongan: z.array(golonganOrGroup).default([]),
  positionTypes: z.array(z.enum(positionTypes)).default([]),
  nips: z.array(nipSchema).default([]),
  telegramGroups: z.array(z.string().regex(/^-\d+$/, 'ID grup Telegram berupa angka negatif')).default([]),
  slackChannels: z.array(z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'ID kanal Slack seperti C0123ABCD')).default([]),
  /**
   * Province broadcasts only (the province HR bureau): the employee filters above apply in every agency
   * (`province`) or in the agencies named by code; neither = the broadcasting agency only.
   */
  province: z.boolean().default(false),
  agencies: z.array(z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{2,32}$/, 'kode instansi seperti DINKES')).default([]),
});

export type Audience = z.infer<typeof audienceSchema>;
export type AudienceInput = z.input<typeof audienceSchema>;

export function hasEmployeeFilter(audience: Audience): boolean {
  return audience.units.length > 0 || audience.golongan.length > 0 || audience.positionTypes.length > 0;
}

export function isEmptyAudience(audience: Audience): boolean {
  return !audience.everyone && !hasEmployeeFilter(audience) && audience.nips.length === 0 && audience.telegramGroups.length === 0 && audience.slackChannels.length === 0;
}

/** Whether a rank matches one of the audience's rank values ("III" matches "III/c"). */
export function golonganMatches(golongan: string, wanted: readonly string[]): boolean {
  return wanted.some((value) => value === golongan || (value.indexOf('/') === -1 && golongan.startsWith(`${value}/`)));
}

/** One line for HR: "semua pegawai", "unit Bidang Mutasi · golongan III", "3 pegawai", "grup -100…". */
export function describeAudience(audience: Audience): string {
  const parts: string[] = [];
  if (audience.everyone) parts.push('semua pegawai');
  else {
    const filters: string[] = [];
    if (audience.units.length) filters.push(`unit ${audience.units.join(', ')}`);
    if (audience.golongan.length) filters.push(`golongan ${audience.golongan.join(', ')}`);
    if (audience.positionTypes.length) filters.push(`jenis jabatan ${audience.positionTypes.join(', ')}`);
    if (filters.length) parts.push(filters.join(' · '));
  }
  if (audience.nips.length) parts.push(`${audience.nips.length} pegawai tertentu`);
  if (audience.telegramGroups.length) parts.push(`${audience.telegramGroups.length} grup Telegram`);
  if (audience.slackChannels.length) parts.push(audience.slackChannels.map((c) => `<#${c}>`).join(', '));
  if (audience.province) parts.push('seluruh instansi se-provinsi');
  else if (audience.agencies.length) parts.push(`instansi ${audience.agencies.join(', ')}`);
  return parts.length ? parts.join(' + ') : 'tidak ada penerima';
}
