/** A unit (or agency) with fewer people than this is reported inside "lainnya", so nobody can be singled out. */
export const smallGroupThreshold = 5;
export const otherGroup = 'lainnya';

/**
 * Maps each unit to the name it is reported under: itself when it has at least `smallGroupThreshold` people,
 * "lainnya" otherwise (also a unit that no longer has anyone, e.g. from an old broadcast). When the small units
 * together are still fewer than that, the smallest of the other units joins them, so "lainnya" itself never
 * describes fewer than five people.
 */
export function reportingGroups(peopleByUnit: ReadonlyMap<string, number>): (unit: string | null | undefined) => string {
  const large = [...peopleByUnit].filter(([, n]) => n >= smallGroupThreshold).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const inSmall = [...peopleByUnit].filter(([, n]) => n < smallGroupThreshold).reduce((sum, [, n]) => sum + n, 0);
  const joining = inSmall > 0 && inSmall < smallGroupThreshold && large.length > 1 ? large[0]![0] : null;
  return (unit) => {
    if (!unit || unit === joining) return otherGroup;
    return (peopleByUnit.get(unit) ?? 0) >= smallGroupThreshold ? unit : otherGroup;
  };
}

/** Rows sorted by name with "lainnya" last. */
export function byGroupName<T extends { unit: string }>(a: T, b: T): number {
  if (a.unit === otherGroup) return 1;
  if (b.unit === otherGroup) return -1;
  return a.unit.localeCompare(b.unit, 'id');
}
