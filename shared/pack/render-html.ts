import { longDate } from '../date-text';
import type { PackCover, PackDocument, PackMeta, PackPerson, PackSection } from './document';
import { anchorOf, blockHtml } from './html-blocks';
import { escapeHtml } from './html-escape';
import { noteMarksHtml, sectionNotesHtml } from './html-notes';
import { packStyle } from './html-style';
import { PackNotes, type PackNote } from './pack-notes';

/**
 * The pack as one standalone HTML document: the app's preview and the PDF's
 * source, so what the preview shows is what prints. Inline styles only, no
 * scripts, no external resources; charts as inline SVG.
 *
 * `preview` shows the marking in a banner at the top and which text is bound
 * to data; `print` leaves the marking to the printer's running header and
 * footer and prints the contents' page numbers from `contentsPages` (section
 * id, or `attachment:<id>`, to its page). The contents reserve the same room
 * for a page number whether it is known yet or not, so the second print of a
 * two-pass PDF lays out exactly like the first.
 */
export interface PackHtmlOptions {
  readonly mode: 'preview' | 'print';
  readonly contentsPages?: ReadonlyMap<string, number>;
  /** Reviewers' notes to show: marked at their elements, and in a box at the end of each item (pack-notes.ts). */
  readonly notes?: readonly PackNote[];
}

/** The contents key of an appended attachment's first page. */
export const attachmentContentsKey = (attachmentId: number): string => `attachment:${attachmentId}`;

function versionLine(meta: PackMeta): string {
  return meta.version === null
    ? `Draft built from live data on ${longDate(meta.builtAt)}: not yet issued.`
    : `Version ${meta.version}${meta.issuedAt ? `, issued ${longDate(meta.issuedAt)}` : ''}.`;
}

function peopleHtml(title: string, people: readonly PackPerson[]): string {
  const items =
    people.length === 0
      ? '<li>None recorded</li>'
      : people
          .map(
            (person) =>
              `<li>${escapeHtml(person.name)}${person.role ? `<span class="role">, ${escapeHtml(person.role)}</span>` : ''}</li>`,
          )
          .join('');
  return `<div><p class="cover-people-title">${escapeHtml(title)}</p><ul>${items}</ul></div>`;
}

function coverHtml(cover: PackCover, meta: PackMeta): string {
  const details: [string, string | null][] = [
    ['Date', cover.dateText],
    ['Venue', cover.venue],
    ['Reporting on', meta.quarter],
  ];
  const detailsHtml = details
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== '')
    .map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`)
    .join('');
  return [
    '<header class="cover sheet" aria-label="Cover">',
    `<p class="cover-marking">${escapeHtml(meta.marking)}</p>`,
    `<p class="cover-partnership">${escapeHtml(meta.partnership)}</p>`,
    `<p class="cover-title">${escapeHtml(cover.title)}</p>`,
    cover.subtitle ? `<p class="cover-subtitle">${escapeHtml(cover.subtitle)}</p>` : '',
    '<hr class="cover-rule">',
    `<dl class="cover-details">${detailsHtml}</dl>`,
    '<div class="cover-people">',
    peopleHtml('Attendees', cover.attendees),
    peopleHtml('Apologies', cover.apologies),
    '</div>',
    `<p class="cover-version">${escapeHtml(versionLine(meta))}</p>`,
    '</header>',
  ].join('\n');
}

const pageText = (pages: ReadonlyMap<string, number> | undefined, key: string): string => {
  const page = pages?.get(key);
  return page === undefined ? '' : String(page);
};

function contentsHtml(document: PackDocument, options: PackHtmlOptions): string {
  const pages = options.mode === 'print' ? options.contentsPages : undefined;
  const entries = document.sections
    .map((section) => {
      const presenter = section.presenter ? `<span class="toc-presenter">${escapeHtml(section.presenter)}</span>` : '';
      return [
        `<li><a href="#${anchorOf(section.id)}">`,
        `<span class="toc-number">${section.number}</span>`,
        `<span class="toc-title"><span>${escapeHtml(section.title)}</span></span>`,
        `<span class="toc-page">${pageText(pages, section.id)}</span>`,
        `</a>${presenter}</li>`,
      ].join('');
    })
    .join('\n');
  const appendices =
    document.attachments.length === 0
      ? ''
      : [
          '<div class="contents-appendices">',
          '<p class="contents-appendices-title">Appended documents</p>',
          '<ol>',
          document.attachments
            .map((attachment, index) =>
              [
                '<li><div class="toc-entry">',
                `<span class="toc-number">${String.fromCharCode(65 + (index % 26))}</span>`,
                `<span class="toc-title"><span>${escapeHtml(attachment.title)}</span></span>`,
                `<span class="toc-page">${pageText(pages, attachmentContentsKey(attachment.attachmentId))}</span>`,
                '</div></li>',
              ].join(''),
            )
            .join('\n'),
          '</ol>',
          '</div>',
        ].join('\n');
  return [
    '<nav class="contents sheet" aria-labelledby="pack-contents-title">',
    '<p class="contents-title" id="pack-contents-title">Contents</p>',
    `<ol>\n${entries}\n</ol>`,
    appendices,
    '</nav>',
  ].join('\n');
}

function sectionMeta(section: PackSection): string {
  const parts = [
    section.presenter ? `Presented by ${escapeHtml(section.presenter)}` : '',
    section.minutes !== null ? `${section.minutes} minutes` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `<p class="section-meta">${parts.join(' · ')}</p>` : '';
}

function sectionHtml(section: PackSection, notes: PackNotes): string {
  const anchor = anchorOf(section.id);
  return [
    `<section class="pack-section sheet" id="${anchor}" data-section-id="${escapeHtml(section.id)}" data-kind="${escapeHtml(section.kind)}" aria-labelledby="${anchor}-title">`,
    `<h1 id="${anchor}-title"><span class="section-number">${section.number}</span> <span class="section-title">${escapeHtml(section.title)}${noteMarksHtml(notes.onSection(section.id))}</span></h1>`,
    sectionMeta(section),
    ...section.blocks.map((block) => blockHtml(block, notes)),
    sectionNotesHtml(section, notes.inSection(section.id)),
    '</section>',
  ].join('\n');
}

export function renderPackHtml(document: PackDocument, options: PackHtmlOptions): string {
  const { meta } = document;
  const notes = new PackNotes(options.notes ?? []);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="author" content="${escapeHtml(meta.partnership)}">`,
    `<meta name="description" content="${escapeHtml(`Board pack for ${meta.board}, ${longDate(meta.heldOn)}`)}">`,
    `<style>${packStyle(options.mode)}</style>`,
    '</head>',
    `<body class="mode-${options.mode}">`,
    `<div class="marking-banner" role="note" aria-label="Protective marking">${escapeHtml(meta.marking)}</div>`,
    '<main>',
    coverHtml(document.cover, meta),
    contentsHtml(document, options),
    ...document.sections.map((section) => sectionHtml(section, notes)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
