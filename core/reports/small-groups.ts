/** A unit (or agency) with fewer people than this is reported inside "lainnya", so nobody can be singled out. */
export const smallGroupThreshold = 5;
export const otherGroup = 'lainnya';

/**
 * Maps each unit to the name it is reported under: itself when it has at least `smallGroupThreshold` people,
 * "lainnya" otherwise (also a unit that no longer has anyone, e.g. from an old broadcast).
 */
export function reportingGroups(peopleByUnit: ReadonlyMap<string, number>): (unit: string | null | undefined) => string {
  return (unit) => {
    if (!unit) return otherGroup;
    return (peopleByUnit.get(unit) ?? 0) >= smallGroupThreshold ? unit : otherGroup;
  };
}

/** Rows sorted by name with "lainnya" last. */
export function byGroupName<T extends { unit: string }>(a: T, b: T): number {
  if (a.unit === otherGroup) return 1;
  if (b.unit === otherGroup) return -1;
  return a.unit.localeCompare(b.unit, 'id');
}
