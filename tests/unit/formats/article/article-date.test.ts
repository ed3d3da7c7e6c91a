import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../../main/formats/article/article-date.ts';

describe('isoDate', () => {
  it('keeps the day an ISO or RFC 3339 date states, whatever its time zone', () => {
    expect(isoDate('2018-10-30')).toBe('2018-10-30');
    expect(isoDate('2018-10-30T23:30:00-05:00')).toBe('2018-10-30');
    expect(isoDate(' 2018-10-30 08:00 ')).toBe('2018-10-30');
  });

  it('reads PDF dates', () => {
    expect(isoDate("D:20181030093000+09'00'")).toBe('2018-10-30');
    expect(isoDate('D:20181030')).toBe('2018-10-30');
  });

  it('reads a date written out in English', () => {
    expect(isoDate('October 30, 2018')).toBe('2018-10-30');
    expect(isoDate('30 Oct 2018')).toBe('2018-10-30');
  });

  it('gives null for no day: a bare year or month, an impossible date, or no date', () => {
    for (const value of ['2018', '2018-10', 'D:2018', '2018-02-30', '2018-13-01', 'yesterday', '10/30/2018', '', null, undefined]) expect(isoDate(value)).toBeNull();
  });
});
