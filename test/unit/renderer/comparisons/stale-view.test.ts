import { describe, expect, it } from 'vitest';
import { staleViewText } from '../../../../renderer/screens/comparisons/stale-view';

/** Local times, so the sentence reads "at 10:42" whatever the machine's time zone. */
const AT = new Date(2026, 10, 26, 10, 42).toISOString();
const NOW = new Date(2026, 10, 26, 11, 0);

describe('staleViewText', () => {
  it('says who renamed the view, from what to what, and when', () => {
    const text = staleViewText(
      {
        record: { id: 3, name: 'Burglary (Ana)', version: 2 },
        changedBy: 'Ana',
        changedByRole: 'boardpack_secretary',
        changedAt: AT,
        changes: [{ field: 'name', from: 'Burglary', to: 'Burglary (Ana)' }],
      },
      NOW,
    );
    expect(text).toBe(
      'Ana (role boardpack_secretary) changed the saved view "Burglary (Ana)" at 10:42: renamed it from "Burglary" to "Burglary (Ana)"',
    );
  });

  it('says "changed what it shows" for a new spec rather than quoting its JSON', () => {
    const text = staleViewText(
      {
        record: { id: 3, name: 'Burglary', version: 4 },
        changedBy: 'Ben',
        changedAt: AT,
        changes: [
          { field: 'name', from: 'Old', to: 'Burglary' },
          { field: 'spec', from: '{"indicatorIds":[1]}', to: '{"indicatorIds":[2]}' },
        ],
      },
      NOW,
    );
    expect(text).toBe(
      'Ben changed the saved view "Burglary" at 10:42: renamed it from "Old" to "Burglary" and changed what it shows',
    );
    expect(text).not.toContain('indicatorIds');
  });

  it('names someone, and no time, when the change log does not say', () => {
    expect(staleViewText({ record: { id: 3, name: 'Burglary' }, changedBy: null, changedAt: null })).toBe(
      'someone changed the saved view "Burglary"',
    );
  });
});
