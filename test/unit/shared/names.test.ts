import { describe, expect, it } from 'vitest';
import { nearestNames, normaliseName, sameName, suggestion } from '../../../shared/names';

describe('name matching', () => {
  it('ignores case, spacing, and an en dash against an ASCII hyphen', () => {
    expect(sameName('Apr–Dec 2012', 'apr-dec 2012')).toBe(true);
    expect(sameName('Apr - Dec  2012', 'Apr-Dec 2012')).toBe(true);
    expect(sameName('TOTAL BUCKS', 'Total Bucks')).toBe(true);
    expect(sameName('Apr-Dec 2012', 'Apr-Dec 2013')).toBe(false);
    expect(normaliseName('  Chiltern   &  South Bucks ')).toBe('chiltern & south bucks');
  });

  it('suggests the closest names first', () => {
    const areas = ['Aylesbury', 'Aylesbury Vale District', 'Wycombe', 'Chiltern & South Bucks', 'Buckinghamshire'];
    expect(nearestNames('Wycomb', areas)[0]).toBe('Wycombe');
    expect(nearestNames('aylesbury vale', areas)[0]).toBe('Aylesbury Vale District');
    expect(suggestion('Chiltern', areas)).toMatch(/^; did you mean "Chiltern & South Bucks"/);
    expect(suggestion('anything', [])).toBe('');
  });
});
