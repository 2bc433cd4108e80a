import type { Figure, FigureInput } from '../model';

/**
 * A page of figures as columns: figure i is `ids[i]`, `indicatorIds[i]`, … —
 * one array per field instead of one object per figure, so 100,000 figures
 * cross the boundary as a few megabytes of numbers rather than 16 MB of
 * repeated keys, and are read without building an object per field name.
 * Text fields (source, note, update time) are indexes into `texts`, which
 * holds each distinct text once, -1 for none: a page's figures share a few
 * sources and update times. In indicator, area, period order; `total` counts
 * every figure the filter matches (more than `ids.length` when the page was
 * limited).
 */
export interface FigurePage {
  readonly ids: readonly number[];
  readonly indicatorIds: readonly number[];
  readonly areaIds: readonly number[];
  readonly periodIds: readonly number[];
  readonly values: readonly number[];
  /** 1 while a partner may still revise the figure, else 0. */
  readonly provisional: readonly number[];
  /** Indexes into `texts`; -1 for none. */
  readonly sources: readonly number[];
  readonly notes: readonly number[];
  readonly updatedAt: readonly number[];
  /** Each figure's row version (an edit names it). */
  readonly versions: readonly number[];
  readonly texts: readonly string[];
  readonly total: number;
}

/** A figure's fields as figures.write takes them, without its id, version and time. */
export const figureInputOf = (figure: Figure): FigureInput => ({
  indicatorId: figure.indicatorId,
  areaId: figure.areaId,
  periodId: figure.periodId,
  value: figure.value,
  provisional: figure.provisional,
  source: figure.source,
  note: figure.note,
});

/** Every figure of the page as records, in the page's order (one pass: 100,000 figures in a few milliseconds). */
export function figuresOf(page: FigurePage): Figure[] {
  const { ids, indicatorIds, areaIds, periodIds, values, provisional, sources, notes, updatedAt, versions, texts } =
    page;
  const figures = new Array<Figure>(ids.length);
  for (let index = 0; index < ids.length; index += 1) {
    figures[index] = {
      id: ids[index] as number,
      indicatorId: indicatorIds[index] as number,
      areaId: areaIds[index] as number,
      periodId: periodIds[index] as number,
      value: values[index] as number,
      provisional: provisional[index] === 1,
      source: texts[sources[index] as number] ?? null,
      note: texts[notes[index] as number] ?? null,
      updatedAt: texts[updatedAt[index] as number] ?? '',
      version: versions[index] as number,
    };
  }
  return figures;
}

/**
 * Text columns as indexes into one list of distinct texts (the `texts` of a
 * page): `add` gives a text's index, -1 for none.
 */
export class TextTable {
  readonly texts: string[] = [];
  private readonly indexes = new Map<string, number>();

  add(text: string | null): number {
    if (text === null) return -1;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.indexes.set(text, index);
    }
    return index;
  }

  column(texts: readonly (string | null)[]): number[] {
    return texts.map((text) => this.add(text));
  }
}
