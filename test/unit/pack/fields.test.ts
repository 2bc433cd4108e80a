import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeField, fieldResolver, splitFields, type FieldData } from '../../../shared/pack/fields';

/** A small world in the demo's shape: three indicators, Buckinghamshire (alias Total Bucks) and Wycombe, two periods. */
const FIGURES = new Map([
  ['1:1:1', 1108],
  ['1:1:2', 886],
  ['1:2:1', 367],
  ['1:2:2', 201],
  ['2:1:1', 36],
  ['2:1:2', 43],
  ['3:1:1', 9.6],
  ['3:1:2', 8],
]);
const DATA: FieldData = {
  indicators: [
    { id: 1, names: ['Domestic burglary'], unit: 'count', polarity: 'lower is better', decimals: 0 },
    { id: 2, names: ['Feel safe after dark'], unit: 'percent', polarity: 'higher is better', decimals: 0 },
    { id: 3, names: ['Anti-social behaviour rate'], unit: 'rate', polarity: 'lower is better', decimals: 1 },
  ],
  areas: [
    { id: 1, names: ['Buckinghamshire', 'Total Bucks'] },
    { id: 2, names: ['Wycombe'] },
  ],
  periods: [
    { id: 1, names: ['Apr-Dec 2012'] },
    { id: 2, names: ['Apr–Dec 2013'] },
  ],
  figure: (i, a, p) => {
    const value = FIGURES.get(`${i}:${a}:${p}`);
    return value === undefined ? undefined : { value, provisional: false };
  },
};
const resolve = fieldResolver(DATA);

describe('fields bound to data', () => {
  it('prints a figure, its % change and its difference as the comparison engine does', () => {
    expect(resolve('{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2013"}}')).toEqual({ text: '886' });
    expect(resolve('{{change "Domestic burglary" "Total Bucks" "Apr-Dec 2012" "Apr-Dec 2013"}}')).toEqual({
      text: '-20%',
    });
    expect(resolve('{{difference "Domestic burglary" "Total Bucks" "Apr-Dec 2012" "Apr-Dec 2013"}}')).toEqual({
      text: '-222',
    });
    expect(resolve('{{difference "Domestic burglary" "Wycombe" "Apr-Dec 2012" "Apr-Dec 2013"}}')).toEqual({
      text: '-166',
    });
  });

  it('matches names in any case, by alias and with a hyphen for an en dash; percentages change in points', () => {
    expect(resolve('{{figure "domestic BURGLARY" "total bucks" "apr-dec 2013"}}')).toEqual({ text: '886' });
    expect(resolve('{{change "Feel safe after dark" "Buckinghamshire" "Apr-Dec 2012" "Apr-Dec 2013"}}')).toEqual({
      text: '+7 pp',
    });
    expect(resolve('{{FIGURE “Domestic burglary” “Wycombe” “Apr-Dec 2012”}}')).toEqual({ text: '367' });
  });

  it("prints a rate at its indicator's decimals, so 8 reads 8.0 as the report prints it", () => {
    expect(resolve('{{figure "Anti-social behaviour rate" "Buckinghamshire" "Apr-Dec 2013"}}')).toEqual({
      text: '8.0',
    });
    expect(
      resolve('{{difference "Anti-social behaviour rate" "Buckinghamshire" "Apr-Dec 2012" "Apr-Dec 2013"}}'),
    ).toEqual({ text: '-1.6' });
  });

  it('names an unknown indicator, area or period with the nearest names, never a blank', () => {
    const value = resolve('{{figure "Domestic burglery" "Total Bucks" "Apr-Dec 2013"}}');
    expect(value).toEqual({
      problem: expect.stringContaining(
        'unknown indicator "Domestic burglery"; did you mean "Domestic burglary"',
      ) as string,
    });
    expect(resolve('{{figure "Domestic burglary" "Wycomb" "Apr-Dec 2013"}}')).toEqual({
      problem: expect.stringContaining('unknown area "Wycomb"; did you mean "Wycombe"') as string,
    });
    expect(resolve('{{figure "Domestic burglary" "Wycombe" "2014/15"}}')).toEqual({
      problem: expect.stringContaining('unknown period "2014/15"') as string,
    });
    expect(resolve('{{figure "Feel safe after dark" "Wycombe" "Apr-Dec 2013"}}')).toEqual({
      problem: 'no figure for Feel safe after dark, Wycombe, Apr-Dec 2013',
    });
  });

  it('says an ambiguous name is ambiguous rather than picking one', () => {
    const twice = fieldResolver({ ...DATA, areas: [...DATA.areas, { id: 3, names: ['Wycombe'] }] });
    expect(twice('{{figure "Domestic burglary" "Wycombe" "Apr-Dec 2013"}}')).toEqual({
      problem: 'area "Wycombe" is ambiguous: it matches 2 entries',
    });
  });

  it('finds malformed braces, wrong words and unquoted names as problems', () => {
    const problems = (text: string) =>
      splitFields(text)
        .filter((part) => part.kind === 'field')
        .map((part) => (part.kind === 'field' ? part.problem : null));
    expect(problems('there were {{figure "Domestic burglary" "Wycombe" "Apr-Dec 2013" burglaries')).toEqual([
      'a field opened with {{ is never closed with }}',
    ]);
    expect(problems('a stray }} here')).toEqual(['a field closed with }} was never opened with {{']);
    expect(problems('{{sum "Domestic burglary"}}')[0]).toContain('a field starts with figure, change or difference');
    expect(problems('{{figure Domestic burglary}}')[0]).toContain('every name in a field is in double quotes');
    expect(problems('{{change "Domestic burglary" "Wycombe" "Apr-Dec 2013"}}')[0]).toContain(
      'a change field names indicator, area, base period, current period',
    );
  });

  it('describes a field in words', () => {
    const [part] = splitFields('{{change "Domestic burglary" "Total Bucks" "Apr-Dec 2012" "Apr-Dec 2013"}}');
    expect(part?.kind === 'field' && part.ref ? describeField(part.ref) : null).toBe(
      'Domestic burglary, Total Bucks, Apr-Dec 2012 to Apr-Dec 2013 (% change)',
    );
  });

  it('splits any text into parts that put the text back together, at their offsets', () => {
    const piece = fc.constantFrom('{{', '}}', '"', ' ', 'figure', 'x', '“Wycombe”', '{', '}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const parts = splitFields(text);
        expect(parts.map((part) => (part.kind === 'text' ? part.text : part.source)).join('')).toBe(text);
        for (const part of parts) {
          expect(text.slice(part.start, part.end)).toBe(part.kind === 'text' ? part.text : part.source);
          if (part.kind === 'field') expect(part.ref === null).toBe(part.problem !== null);
        }
      }),
    );
  });
});
