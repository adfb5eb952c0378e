import { golonganMatches, hasEmployeeFilter, type Audience } from './audience.js';

/** The employee fields an audience filters on. */
export interface AudienceCandidate {
  nip: string;
  unit: string;
  golongan: string;
  positionType: string;
}

/**
 * Whether an audience reaches an employee: a listed NIP always; otherwise everyone, or every filter given (units AND
 * ranks AND position types; any value within one filter). Unit names compare without regard to case.
 */
export function audienceMatcher(audience: Audience): (employee: AudienceCandidate) => boolean {
  const nips = new Set(audience.nips);
  const units = new Set(audience.units.map((unit) => unit.toLowerCase()));
  const positionTypes = new Set<string>(audience.positionTypes);
  const filtered = hasEmployeeFilter(audience);
  return (e) => {
    if (nips.has(e.nip)) return true;
    if (audience.everyone) return true;
    if (!filtered) return false;
    if (units.size && !units.has(e.unit.toLowerCase())) return false;
    if (audience.golongan.length && !golonganMatches(e.golongan, audience.golongan)) return false;
    if (positionTypes.size && !positionTypes.has(e.positionType)) return false;
    return true;
  };
}
