/**
 * Fields bound to data in a paper's text: `{{figure "Indicator" "Area" "Period"}}`,
 * `{{change "Indicator" "Area" "Base period" "Current period"}}` and
 * `{{difference …the same…}}`. They are found here and filled in with the
 * comparison engine's own printed text ("886", "-20%", "-222"), so a sentence
 * in a paper says exactly what the tables say. A field that cannot be filled
 * (malformed, an unknown or ambiguous name, no figure) says why and never
 * prints as blank text.
 */
import { compare, formatValue } from '../comparison';
import type { Polarity, Unit } from '../domain';
import { normaliseName, suggestion } from '../names';

export const FIELD_KINDS = ['figure', 'change', 'difference'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FigureFieldRef {
  readonly kind: 'figure';
  readonly indicator: string;
  readonly area: string;
  readonly period: string;
}

export interface ComparisonFieldRef {
  readonly kind: 'change' | 'difference';
  readonly indicator: string;
  readonly area: string;
  readonly base: string;
  readonly current: string;
}

export type FieldRef = FigureFieldRef | ComparisonFieldRef;

/** A run of text, or a field as written (braces included) with what it refers to or what is wrong with it. */
export type TextPart =
  | { readonly kind: 'text'; readonly text: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'field';
      readonly source: string;
      readonly ref: FieldRef | null;
      readonly problem: string | null;
      readonly start: number;
      readonly end: number;
    };

const OPEN = '{{';
const CLOSE = '}}';
/** Straight or typographic double quotes (an editor may curl them). */
const ARGUMENT = /^\s*(?:"([^"]*)"|“([^”]*)”)/;

const ARGUMENT_NAMES: Readonly<Record<FieldKind, readonly string[]>> = {
  figure: ['indicator', 'area', 'period'],
  change: ['indicator', 'area', 'base period', 'current period'],
  difference: ['indicator', 'area', 'base period', 'current period'],
};

const usage = (kind: FieldKind): string =>
  `{{${kind} ${ARGUMENT_NAMES[kind].map((name) => `"${name[0]?.toUpperCase() ?? ''}${name.slice(1)}"`).join(' ')}}}`;

/** The field's words (between the braces) as a reference, or what is wrong with them. */
export function parseFieldBody(body: string): { ref: FieldRef } | { problem: string } {
  const name = /^\s*([A-Za-z]+)/.exec(body);
  const kind = FIELD_KINDS.find((candidate) => candidate === name?.[1]?.toLowerCase());
  if (!name || !kind) {
    const written = name?.[1] ?? body.trim().split(/\s+/)[0] ?? '';
    return {
      problem: `a field starts with figure, change or difference, not "${written}"${suggestion(written, FIELD_KINDS)}`,
    };
  }
  const args: string[] = [];
  let rest = body.slice(name[0].length);
  for (let match = ARGUMENT.exec(rest); match; match = ARGUMENT.exec(rest)) {
    args.push((match[1] ?? match[2] ?? '').trim());
    rest = rest.slice(match[0].length);
  }
  if (rest.trim() !== '') {
    return { problem: `every name in a field is in double quotes: ${usage(kind)}` };
  }
  const wanted = ARGUMENT_NAMES[kind];
  if (args.length !== wanted.length || args.some((arg) => arg === '')) {
    return { problem: `a ${kind} field names ${wanted.join(', ')}: ${usage(kind)}` };
  }
  const [indicator = '', area = '', third = '', fourth = ''] = args;
  return kind === 'figure'
    ? { ref: { kind, indicator, area, period: third } }
    : { ref: { kind, indicator, area, base: third, current: fourth } };
}

function fieldPart(source: string, start: number, body: string | null): TextPart {
  const end = start + source.length;
  if (body === null) {
    return { kind: 'field', source, ref: null, problem: 'a field opened with {{ is never closed with }}', start, end };
  }
  const parsed = parseFieldBody(body);
  return 'ref' in parsed
    ? { kind: 'field', source, ref: parsed.ref, problem: null, start, end }
    : { kind: 'field', source, ref: null, problem: parsed.problem, start, end };
}

/** Text split into plain runs and fields, with each part's offsets in the text. A stray `}}` is a problem too. */
export function splitFields(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  const plain = (end: number) => {
    const run = text.slice(at, end);
    const stray = run.indexOf(CLOSE);
    if (stray >= 0) {
      if (stray > 0) parts.push({ kind: 'text', text: run.slice(0, stray), start: at, end: at + stray });
      parts.push({
        kind: 'field',
        source: CLOSE,
        ref: null,
        problem: 'a field closed with }} was never opened with {{',
        start: at + stray,
        end: at + stray + CLOSE.length,
      });
      at += stray + CLOSE.length;
      plain(end);
      return;
    }
    if (run !== '') parts.push({ kind: 'text', text: run, start: at, end });
    at = end;
  };
  for (let open = text.indexOf(OPEN, at); open >= 0; open = text.indexOf(OPEN, at)) {
    plain(open);
    const close = text.indexOf(CLOSE, open + OPEN.length);
    const nested = text.indexOf(OPEN, open + OPEN.length);
    if (close < 0 || (nested >= 0 && nested < close)) {
      const end = nested >= 0 && (close < 0 || nested < close) ? nested : text.length;
      parts.push(fieldPart(text.slice(open, end), open, null));
      at = end;
      continue;
    }
    const end = close + CLOSE.length;
    parts.push(fieldPart(text.slice(open, end), open, text.slice(open + OPEN.length, close)));
    at = end;
  }
  plain(text.length);
  return parts;
}

/** True when the text holds a field (or a brace that looks like one). */
export const hasFields = (text: string): boolean => text.includes(OPEN) || text.includes(CLOSE);

/** "Domestic burglary, Total Bucks, Apr-Dec 2012 to Apr-Dec 2013 (% change)": what a field refers to, in words. */
export function describeField(ref: FieldRef): string {
  if (ref.kind === 'figure') return `${ref.indicator}, ${ref.area}, ${ref.period}`;
  const what = ref.kind === 'change' ? '% change' : 'difference';
  return `${ref.indicator}, ${ref.area}, ${ref.base} to ${ref.current} (${what})`;
}

/** What the fields are filled from: the names people may write, and the stored figures. */
export interface FieldData {
  readonly indicators: readonly {
    readonly id: number;
    readonly names: readonly string[];
    readonly unit: Unit;
    readonly polarity: Polarity;
    /** The decimals its figures are shown with (the most any of its figures has): a rate reads 8.0, not 8. */
    readonly decimals: number;
  }[];
  readonly areas: readonly { readonly id: number; readonly names: readonly string[] }[];
  readonly periods: readonly { readonly id: number; readonly names: readonly string[] }[];
  /** The stored figure, or undefined when there is none. */
  readonly figure: (
    indicatorId: number,
    areaId: number,
    periodId: number,
  ) => { readonly value: number; readonly provisional: boolean } | undefined;
}

export type FieldValue = { readonly text: string } | { readonly problem: string };

type Named = FieldData['areas'][number];

function lookUp<Entry extends Named>(what: string, name: string, entries: readonly Entry[]): Entry | string {
  const wanted = normaliseName(name);
  const matches = entries.filter((entry) => entry.names.some((candidate) => normaliseName(candidate) === wanted));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) return `${what} "${name}" is ambiguous: it matches ${matches.length} entries`;
  return `unknown ${what} "${name}"${suggestion(
    name,
    entries.flatMap((entry) => entry.names),
  )}`;
}

/** A field's value as printed, from the data given, or why it has none. */
export function fieldValue(ref: FieldRef, data: FieldData): FieldValue {
  const indicator = lookUp('indicator', ref.indicator, data.indicators);
  const area = lookUp('area', ref.area, data.areas);
  const periodNames = ref.kind === 'figure' ? [ref.period] : [ref.base, ref.current];
  const periods = periodNames.map((name) => lookUp('period', name, data.periods));
  const problems = [indicator, area, ...periods].filter((found): found is string => typeof found === 'string');
  if (problems.length > 0) return { problem: problems.join('; ') };
  const ind = indicator as Exclude<typeof indicator, string>;
  const place = area as Named;
  const observed = (periods as Named[]).map((period, index) => {
    const figure = data.figure(ind.id, place.id, period.id);
    return figure ?? `no figure for ${ref.indicator}, ${ref.area}, ${periodNames[index] ?? ''}`;
  });
  const missing = observed.filter((found): found is string => typeof found === 'string');
  if (missing.length > 0) return { problem: missing.join('; ') };
  const [first, second] = observed as { value: number; provisional: boolean }[];
  if (ref.kind === 'figure' || !first || !second) {
    return { text: formatValue(first?.value ?? null, ind.unit, ind.unit === 'money' ? undefined : ind.decimals) };
  }
  const comparison = compare(first, second, { unit: ind.unit, polarity: ind.polarity, decimals: ind.decimals });
  return { text: ref.kind === 'change' ? comparison.changeText : comparison.differenceText };
}

/** A field as written, filled in: its value, or the problem (a malformed field's or a lookup's). */
export type FieldResolver = (source: string) => FieldValue;

/** Resolves fields as written against the data given. */
export function fieldResolver(data: FieldData): FieldResolver {
  return (source) => {
    const [part] = splitFields(source);
    if (!part || part.kind !== 'field' || part.source !== source) return { problem: 'this is not a field' };
    if (!part.ref) return { problem: part.problem ?? 'this field cannot be read' };
    return fieldValue(part.ref, data);
  };
}
