import {
  AlignmentType,
  LevelFormat,
  LineRuleType,
  type INumberingOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';

/**
 * The Word file's page and styles: A4 with 2 cm side margins, Arial (which
 * LibreOffice draws as the metric-compatible Liberation Sans), Word's own
 * Heading 1–3 styles restyled for the pack, and one list definition each for
 * bullets and numbers.
 */

export const FONT = 'Arial';
export const TEXT_COLOUR = '1B1F24';
export const MUTED_COLOUR = '4A5361';
export const RULE_COLOUR = '8C95A3';
export const HEADER_FILL = 'EEF1F5';

const CM = 567;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(2.4 * CM), bottom: Math.round(2.4 * CM), left: 2 * CM, right: 2 * CM };

/** The width text runs across, in twips (1/1440 inch). */
export const TEXT_WIDTH_TWIPS = A4.width - MARGIN.left - MARGIN.right;
/** The same in pixels at 96 to the inch, the unit docx sizes images in. */
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);

export const PAGE: ISectionPropertiesOptions = {
  page: {
    size: A4,
    margin: { ...MARGIN, header: Math.round(1.1 * CM), footer: Math.round(1.1 * CM), gutter: 0 },
  },
};

/** Single line spacing, said outright: LibreOffice reads a line height without its rule as an exact one. */
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO } as const;

/** Sizes in half-points, as Word stores them. */
export const SIZE = { body: 22, small: 18, table: 19, tableDense: 17, h1: 32, h2: 26, h3: 23, title: 48 } as const;

const heading = (size: number, before: number, after: number) => ({
  run: { font: FONT, size, bold: true, color: TEXT_COLOUR },
  paragraph: { spacing: { before, after }, keepNext: true, keepLines: true },
});

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZE.body, color: TEXT_COLOUR },
      paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
    heading1: heading(SIZE.h1, 0, 240),
    heading2: heading(SIZE.h2, 280, 120),
    heading3: heading(SIZE.h3, 220, 100),
  },
  paragraphStyles: [
    {
      id: 'PackNote',
      name: 'Pack Note',
      basedOn: 'Normal',
      quickFormat: true,
      run: { italics: true, size: SIZE.small, color: MUTED_COLOUR },
      paragraph: { spacing: { before: 60, after: 120 } },
    },
    ...[
      { id: 'PackCell', name: 'Pack Table Text', size: SIZE.table },
      { id: 'PackCellDense', name: 'Pack Table Text Dense', size: SIZE.tableDense },
    ].map(({ id, name, size }) => ({
      id,
      name,
      basedOn: 'Normal',
      run: { size },
      paragraph: { spacing: { before: 0, after: 0, ...SINGLE } },
    })),
    {
      id: 'PackCaption',
      name: 'Pack Caption',
      basedOn: 'Normal',
      quickFormat: true,
      run: { bold: true, size: SIZE.body },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
    },
  ],
};

export const BULLETS = 'pack-bullets';
export const NUMBERS = 'pack-numbers';

const listIndent = { indent: { left: 720, hanging: 360 } };

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.LEFT,
          style: { paragraph: listIndent },
        },
      ],
    },
    {
      reference: NUMBERS,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: listIndent },
        },
      ],
    },
  ],
};
