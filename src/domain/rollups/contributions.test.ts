import { describe, expect, it } from 'vitest';
import {
  contributionDelta,
  decodeContributions,
  encodeContributions,
  type Contribution,
} from './contributions.ts';

const base = { schemeId: 'tt01-2018', period: '2025-Q3' };
const agency: Contribution = {
  ...base,
  agencyId: 'A',
  subjectKind: 'agency',
  subjectId: 'A',
  sector: '',
  indicator: 'cs1',
  points: 2,
};
const sector: Contribution = { ...agency, subjectKind: 'agency_sector', sector: 'Tư pháp' };
const official: Contribution = { ...agency, subjectKind: 'official', subjectId: 'O' };

describe('stored contributions (Thông tư 01/2018 Điều 15 khoản 2 rollups)', () => {
  it('round-trip: the sector cells are rebuilt from the agency cells', () => {
    const stored = encodeContributions([agency, sector, official]);
    expect(stored).toEqual([
      ['a', 'A', 'A', 'cs1', 2],
      ['o', 'A', 'O', 'cs1', 2],
    ]);
    expect(decodeContributions(JSON.parse(JSON.stringify(stored)), { ...base, sector: 'Tư pháp' })).toEqual([
      agency,
      sector,
      official,
    ]);
  });

  it('ignores malformed stored values instead of scoring them', () => {
    expect(
      decodeContributions([['x', 'A', 'A', 'cs1', 2], ['a', 'A'], 'junk'], { ...base, sector: '' }),
    ).toEqual([]);
    expect(decodeContributions(null, { ...base, sector: '' })).toEqual([]);
  });

  it('computes the net change of a rescore, and none for an identical one', () => {
    expect(contributionDelta([agency], [agency])).toEqual([]);
    const worse = { ...agency, points: 0 as const };
    const { points: _points, ...cell } = agency;
    expect(contributionDelta([agency], [worse])).toEqual([{ cell, sum: -2, count: 0 }]);
    expect(contributionDelta([agency], [])).toEqual([{ cell, sum: -2, count: -1 }]);
  });
});
