import {
  VIEW_COLUMNS,
  viewSpec,
  type SavedView,
  type ViewColumnChoice,
  type ViewSpec,
} from '../../../shared/views/view-spec';

/** The view being edited on the screen, field by field; a ViewSpec once complete. */
export interface ViewDraft {
  readonly savedId: number | null;
  /** The saved view's version the draft was opened (or last saved) at: a save or delete is made from it (issue 9). */
  readonly savedVersion: number | null;
  readonly name: string;
  readonly indicatorIds: readonly number[];
  readonly areaIds: readonly number[];
  readonly comparatorsFrom: 'stored' | 'list';
  readonly comparatorIds: readonly number[];
  readonly mode: 'compare' | 'trend';
  readonly baseId: number | null;
  readonly currentId: number | null;
  readonly trendIds: readonly number[];
  readonly columns: readonly ViewColumnChoice[];
  readonly totals: boolean;
}

export const EMPTY_DRAFT: ViewDraft = {
  savedId: null,
  savedVersion: null,
  name: '',
  indicatorIds: [],
  areaIds: [],
  comparatorsFrom: 'stored',
  comparatorIds: [],
  mode: 'compare',
  baseId: null,
  currentId: null,
  trendIds: [],
  columns: [...VIEW_COLUMNS],
  totals: true,
};

export function draftOf(view: SavedView): ViewDraft {
  const { spec } = view;
  return {
    savedId: view.id,
    savedVersion: view.version,
    name: view.name,
    indicatorIds: spec.indicatorIds,
    areaIds: spec.areaIds,
    comparatorsFrom: spec.comparators.from,
    comparatorIds: spec.comparators.from === 'list' ? spec.comparators.areaIds : [],
    mode: spec.periods.mode,
    baseId: spec.periods.mode === 'compare' ? spec.periods.baseId : null,
    currentId: spec.periods.mode === 'compare' ? spec.periods.currentId : null,
    trendIds: spec.periods.mode === 'trend' ? spec.periods.periodIds : [],
    columns: spec.columns,
    totals: spec.totals === 'auto',
  };
}

/**
 * The draft as a spec, or why it is not one yet. `periodOrder` puts a trend's
 * periods in date order (the listbox's selection has no order of its own).
 */
export function specOf(
  draft: ViewDraft,
  periodOrder: readonly number[],
): { readonly spec: ViewSpec } | { readonly problem: string } {
  if (draft.indicatorIds.length === 0) return { problem: 'Choose at least one indicator.' };
  if (draft.areaIds.length === 0) return { problem: 'Choose at least one area.' };
  if (draft.mode === 'compare' && (draft.baseId === null || draft.currentId === null)) {
    return { problem: 'Choose the base and current periods.' };
  }
  if (draft.mode === 'trend' && draft.trendIds.length < 2)
    return { problem: 'Choose at least two periods for the trend.' };
  const position = new Map(periodOrder.map((id, index) => [id, index]));
  const parsed = viewSpec.safeParse({
    indicatorIds: draft.indicatorIds,
    areaIds: draft.areaIds,
    comparators:
      draft.comparatorsFrom === 'stored' ? { from: 'stored' } : { from: 'list', areaIds: draft.comparatorIds },
    periods:
      draft.mode === 'compare'
        ? { mode: 'compare', baseId: draft.baseId, currentId: draft.currentId }
        : {
            mode: 'trend',
            periodIds: [...draft.trendIds].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)),
          },
    columns: VIEW_COLUMNS.filter((column) => draft.columns.includes(column)),
    totals: draft.totals ? 'auto' : 'none',
  });
  if (parsed.success) return { spec: parsed.data };
  const issue = parsed.error.issues[0];
  const message = issue?.message ?? 'the view is not complete';
  return { problem: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` };
}
