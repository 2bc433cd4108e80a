import type { Indicator } from '../model';

/** What an indicator's figures are, in words: "count", "rate per 1,000 residents", "percent", "£". */
export function unitTextOf(indicator: Pick<Indicator, 'unit' | 'ratePer' | 'denominator'>): string {
  switch (indicator.unit) {
    case 'count':
      return 'count';
    case 'percent':
      return 'percent';
    case 'money':
      return '£';
    case 'rate': {
      const per = indicator.ratePer === null ? '' : ` per ${indicator.ratePer.toLocaleString('en-GB')}`;
      return `rate${per}${indicator.denominator ? ` ${indicator.denominator}` : ''}`;
    }
  }
}
