import { TRPCError } from '@trpc/server';
import type { Command } from 'commander';
import { ZodError } from 'zod';
import type { AudienceInput } from '../../core/audience/audience.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export interface AudienceOptions {
  everyone?: boolean;
  unit: string[];
  golongan: string[];
  positionType: string[];
  nip: string[];
}

/** The options that say who a reminder or deadline is for (repeat an option for several values). */
export function withAudienceOptions(command: Command): Command {
  return command
    .option('--everyone', 'every active employee of the agency')
    .option('--unit <name>', 'employees of this unit (repeatable)', collect, [])
    .option('--golongan <rank>', 'a rank group (III) or a rank (III/b) (repeatable)', collect, [])
    .option('--position-type <type>', 'a position type such as ADMINISTRATOR or JF_AHLI_MUDA (repeatable)', collect, [])
    .option('--nip <nip>', 'one employee by NIP (repeatable)', collect, []);
}

export function audienceFrom(options: AudienceOptions): AudienceInput {
  return {
    everyone: options.everyone ?? false,
    units: options.unit,
    golongan: options.golongan,
    positionTypes: options.positionType as AudienceInput['positionTypes'],
    nips: options.nip.map((nip) => nip.replace(/[\s.\-]/g, '')),
  };
}

/** "ulang" in either language: sekali/harian/mingguan/bulanan/tahunan or none/daily/weekly/monthly/yearly. */
export function repeatFrom(value: string | undefined): 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly' {
  const words: Record<string, 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly'> = {
    none: 'none', sekali: 'none', daily: 'daily', harian: 'daily', weekly: 'weekly', mingguan: 'weekly',
    monthly: 'monthly', bulanan: 'monthly', yearly: 'yearly', tahunan: 'yearly',
  };
  const repeat = words[(value ?? 'none').toLowerCase()];
  if (!repeat) throw new Error(`--repeat "${value}" tidak dikenal; pakai sekali, harian, mingguan, bulanan atau tahunan`);
  return repeat;
}

/**
 * The core's refusal as one line an operator can act on: the field and its Indonesian message for bad input, the
 * Indonesian half of "Indonesia / English" messages otherwise.
 */
export async function explainRefusal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.cause instanceof ZodError) {
      const issue = error.cause.issues[0];
      throw new Error(issue ? `${issue.path.join('.') || 'masukan'}: ${issue.message}` : 'masukan tidak valid');
    }
    throw new Error(error.message.split(' / ')[0]!);
  }
}
