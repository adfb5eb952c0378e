/**
 * When reminders go out. Practice, not law (the fact sheet: notice about 2 months before a KGB, pension proposal
 * about 12 months before TMT), so these are settings in one place rather than numbers spread through the code.
 */
export interface ReminderRules {
  /** Months before the KGB TMT. */
  kgbLeadMonths: readonly number[];
  /** Months before TMT pensiun. */
  pensionLeadMonths: readonly number[];
  /** The daily pass (career reminders, yearly deadlines, the digest) runs on business days from this WIB time. */
  dailyPassFrom: { hour: number; minute: number };
  /** A custom reminder that could not go at its time (downtime) still goes within this many days, never later. */
  customGraceDays: number;
}

export const defaultReminderRules: ReminderRules = {
  kgbLeadMonths: [3, 1],
  pensionLeadMonths: [12, 6],
  dailyPassFrom: { hour: 7, minute: 30 },
  customGraceDays: 3,
};
