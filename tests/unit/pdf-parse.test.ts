import { describe, expect, it } from 'vitest';
import { parseDate, parseDuration, parseNumber, parseTime } from '../../electron/core/pdf/parse';
import { decodeIdentity, definitionHash, encodeIdentity, fillableIdentity, safeLocale } from '../../electron/core/pdf/format';
import { dayHeadings, longDate, scaleSummary, scaleTicks } from '../../shared/worksheet';
import { EVERY_BLOCK, IDENTITY, parse } from '../support/pdf';

describe('reading what clients type', () => {
  it('numbers: dots, commas, percent, units, "x/10"', () => {
    const cases: [string, number | undefined][] = [
      ['7', 7],
      [' 7.5 ', 7.5],
      ['7,5', 7.5],
      ['70%', 70],
      ['70 %', 70],
      ['7/10', 7],
      ['12.5 min', 12.5],
      ['8 hours', 8],
      ['-3', -3],
      ['−3', -3],
      ['1,000', 1000],
      ['1,234.5', 1234.5],
      ['1.234,5', 1234.5],
      ['0,500', 0.5],
      ['.5', 0.5],
      ['', undefined],
      ['seven', undefined],
      ['7 or 8', undefined],
      ['7-8', undefined],
      ['abc 7', undefined],
    ];
    for (const [raw, want] of cases) expect(parseNumber(raw), raw).toBe(want);
  });

  it('durations in minutes', () => {
    const cases: [string, number | undefined][] = [
      ['45', 45],
      ['45 min', 45],
      ['45 minutes', 45],
      ['1:30', 90],
      ['1h30', 90],
      ['1 h 30 min', 90],
      ['1.5 h', 90],
      ['2 hours', 120],
      ['soon', undefined],
    ];
    for (const [raw, want] of cases) expect(parseDuration(raw), raw).toBe(want);
  });

  it('dates, day first except in month-first locales, and only real dates', () => {
    expect(parseDate('2026-03-14')).toBe('2026-03-14');
    expect(parseDate('2026/3/4')).toBe('2026-03-04');
    expect(parseDate('14/03/2026')).toBe('2026-03-14');
    expect(parseDate('14.3.2026')).toBe('2026-03-14');
    expect(parseDate('4/3/26')).toBe('2026-03-04');
    expect(parseDate('4/3/2026', 'en-US')).toBe('2026-04-03');
    expect(parseDate('3/14/2026', 'en-GB')).toBe('2026-03-14'); // only one reading is a date
    expect(parseDate('14.3.2026', 'en-US')).toBe('2026-03-14'); // dots are day first everywhere
    expect(parseDate('31/02/2026')).toBeUndefined();
    expect(parseDate('2026-13-01')).toBeUndefined();
    expect(parseDate('next Tuesday')).toBeUndefined();
  });

  it('times as HH:MM', () => {
    const cases: [string, string | undefined][] = [
      ['7:30', '07:30'],
      ['07.30', '07:30'],
      ['7h30', '07:30'],
      ['7:30 pm', '19:30'],
      ['7 pm', '19:00'],
      ['12 am', '00:00'],
      ['12:15 p.m.', '12:15'],
      ['1930', '19:30'],
      ['23:59', '23:59'],
      ['24:00', undefined],
      ['13 pm', undefined],
      ['morning', undefined],
    ];
    for (const [raw, want] of cases) expect(parseTime(raw), raw).toBe(want);
  });
});

describe('formatting for print', () => {
  it('formats calendar dates in the locale, without time-zone shifts', () => {
    expect(longDate('2026-03-14', 'en-GB')).toBe('14 March 2026');
    expect(longDate('2026-03-14', 'en-US')).toBe('March 14, 2026');
    expect(longDate('2026-01-01', 'en-GB')).toBe('1 January 2026');
    expect(safeLocale('not a locale!')).toBe('en-GB');
    expect(safeLocale(undefined)).toBe('en-GB');
    expect(safeLocale('fr-FR')).toBe('fr-FR');
  });

  it('names grid days from the start date (2026-03-16 is a Monday), or numbers them', () => {
    expect(dayHeadings(3, '2026-03-16', 'en-GB')).toEqual([
      { top: 'Mon', sub: '16/03' },
      { top: 'Tue', sub: '17/03' },
      { top: 'Wed', sub: '18/03' },
    ]);
    expect(dayHeadings(2, '2026-03-31', 'en-GB').map((d) => d.sub)).toEqual(['31/03', '01/04']);
    expect(dayHeadings(2, undefined, 'en-GB')).toEqual([{ top: 'Day 1' }, { top: 'Day 2' }]);
  });

  it('describes scales with their anchors', () => {
    const scale = {
      min: 0,
      max: 100,
      step: 10,
      unit: '%',
      anchors: [
        { value: 100, label: 'sure' },
        { value: 0, label: 'not at all' },
      ],
    };
    expect(scaleSummary(scale)).toBe('0–100 %: 0 = not at all · 100 = sure');
    expect(scaleTicks(scale)).toHaveLength(11);
  });
});

describe('identity of fillable PDFs', () => {
  it('hashes the definition canonically (key order and defaults do not matter)', () => {
    const a = parse(EVERY_BLOCK);
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    const reordered = reverse(a) as typeof a;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a));
    expect(definitionHash(reordered)).toBe(definitionHash(a));
    expect(definitionHash({ ...a, title: `${a.title}!` })).not.toBe(definitionHash(a));
  });

  it('encodes and decodes, rejecting anything else', () => {
    const id = fillableIdentity(IDENTITY, parse(EVERY_BLOCK));
    expect(decodeIdentity(encodeIdentity(id))).toEqual(id);
    expect(decodeIdentity('{"format":"other"}')).toBeUndefined();
    expect(decodeIdentity('not json')).toBeUndefined();
    expect(decodeIdentity(undefined)).toBeUndefined();
  });
});
