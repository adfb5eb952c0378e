import { describe, expect, it } from 'vitest';
import { reportingGroups } from '../../core/reports/small-groups.js';

describe('units of fewer than five people in the report', () => {
  it('merges each small unit into "lainnya" and keeps units of five or more', () => {
    const group = reportingGroups(new Map([['Sekretariat', 20], ['Bidang A', 5], ['Seksi B', 4], ['Seksi C', 2], ['Bidang D', 9]]));
    expect(['Sekretariat', 'Bidang A', 'Seksi B', 'Seksi C', 'Bidang D'].map(group)).toEqual(['Sekretariat', 'Bidang A', 'lainnya', 'lainnya', 'Bidang D']);
    expect(group('Unit yang sudah tidak ada')).toBe('lainnya');
    expect(group(null)).toBe('lainnya');
  });

  it('adds the smallest other unit when the small ones together are still fewer than five', () => {
    const group = reportingGroups(new Map([['Sekretariat', 20], ['Bidang A', 7], ['Seksi B', 3]]));
    expect(['Sekretariat', 'Bidang A', 'Seksi B'].map(group)).toEqual(['Sekretariat', 'lainnya', 'lainnya']);
  });
});
