import type { FigureColumnPlan } from '../../../shared/imports';

/** What the import does with one column of the file, as the preview's header shows it. */
export type ColumnRole =
  | 'area'
  | 'indicator'
  | 'period'
  | 'value'
  | 'note'
  | 'provisional'
  | 'checked difference'
  | 'checked % change'
  | 'ignored';

/** The role of every column of the header, by position, from the import's column plan. */
export function columnRoles(plan: FigureColumnPlan | null, width: number): readonly (ColumnRole | null)[] {
  const roles: (ColumnRole | null)[] = Array.from({ length: width }, () => null);
  if (!plan) return roles;
  const set = (column: { readonly index: number } | null, role: ColumnRole) => {
    if (column && column.index < width) roles[column.index] = role;
  };
  set(plan.area, 'area');
  switch (plan.layout) {
    case 'long':
      set(plan.indicator, 'indicator');
      set(plan.period, 'period');
      set(plan.value, 'value');
      set(plan.note, 'note');
      set(plan.provisional, 'provisional');
      return roles.map((role) => role ?? 'ignored');
    case 'wide-period':
      for (const column of plan.periods) set(column, 'period');
      set(plan.difference, 'checked difference');
      set(plan.change, 'checked % change');
      for (const column of plan.ignored) set(column, 'ignored');
      return roles;
    case 'wide-indicator':
      for (const column of plan.indicators) set(column, 'indicator');
      for (const column of plan.ignored) set(column, 'ignored');
      return roles;
  }
}

export const LAYOUT_LABELS = {
  long: 'Long: one figure per row (indicator, area, period, value)',
  'wide-period': 'One column per period (one indicator)',
  'wide-indicator': 'One column per indicator (one period)',
} as const;
