import { describe, expect, it } from 'vitest';
import { isKnownOn, knownOn, latestMonthKnownOn, publicationRule } from './publication.ts';

describe('when trade figures become known', () => {
  const customs = publicationRule('official_customs', null);

  it('knows September 2017 customs data on 4 December 2017 but not October', () => {
    expect(knownOn(201709, customs)).toBe('2017-11-14');
    expect(latestMonthKnownOn('2017-12-04', customs)).toBe(201709);
    expect(isKnownOn(201710, customs, '2017-12-04')).toBe(false);
    expect(isKnownOn(201710, customs, '2017-12-15')).toBe(true);
  });

  it('counts the month a date falls in only from its last day plus the lag', () => {
    expect(latestMonthKnownOn('2017-11-14', customs)).toBe(201709);
    expect(latestMonthKnownOn('2017-11-13', customs)).toBe(201708);
    expect(latestMonthKnownOn('2017-02-14', customs)).toBe(201612);
    expect(latestMonthKnownOn('2017-02-13', customs)).toBe(201611);
  });

  it("takes a dataset's own lag over its kind's, and annual periods end with their year", () => {
    expect(publicationRule('comtrade', 30)).toEqual({ lagDays: 30, overridden: true });
    expect(publicationRule('baci', null).overridden).toBe(false);
    expect(knownOn(201600, publicationRule('official_customs', 10))).toBe('2017-01-10');
  });
});
