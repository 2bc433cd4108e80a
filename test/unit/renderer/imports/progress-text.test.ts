import { describe, expect, it } from 'vitest';
import { progressText } from '../../../../renderer/screens/imports/progress-text';

const progress = (done: number, ratePerSecond: number | null, secondsLeft: number | null) =>
  ({
    type: 'job-progress',
    jobId: 'a',
    done,
    total: null,
    fraction: 0.5,
    ratePerSecond,
    secondsLeft,
    stage: 'reading',
  }) as const;

describe('what the import progress bar says', () => {
  it('says the job is starting before its first progress', () => {
    expect(progressText(null)).toBe('Starting…');
  });

  it('gives rows read, the rate and the time left, in words', () => {
    expect(progressText(progress(123_456, 98_765.4, 12.4))).toBe(
      '123,456 rows read · 98,765 rows a second · about 12 s left',
    );
    expect(progressText(progress(10, 5, 150))).toBe('10 rows read · 5 rows a second · about 3 min left');
  });

  it('leaves out what is not known yet, and says when it is writing', () => {
    expect(progressText(progress(10, null, null))).toBe('10 rows read');
    expect(progressText({ ...progress(400, null, null), stage: 'writing' })).toBe('400 rows read · writing');
  });
});
