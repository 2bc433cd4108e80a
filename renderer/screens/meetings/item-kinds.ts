import type { AgendaItemKind } from '../../../shared/domain';
import { EMPTY_PAPER, type AgendaContent } from '../../../shared/pack/agenda-content';

/** How each kind of agenda item is named on screen, with what it puts in the pack. */
export const KIND_LABELS: Readonly<Record<AgendaItemKind, string>> = {
  paper: 'Paper',
  'performance table': 'Performance table',
  chart: 'Chart',
  'priority progress': 'Priority progress',
  finance: 'Finance',
  'action log': 'Action log',
  glossary: 'Glossary',
  attachment: 'Attachment',
};

export const KIND_HELP: Readonly<Record<AgendaItemKind, string>> = {
  paper: 'Rich text written here, with fields bound to figures.',
  'performance table': 'A saved comparison view, as a table with its notes.',
  chart: 'A chart of a saved comparison view, with its figures as a table beneath.',
  'priority progress': "A priority's activities, desired outcomes, measures, latest progress, RAG and outcome figures.",
  finance: "A plan's funding lines by priority and source, totals per source, and the stated-versus-computed check.",
  'action log': 'Open actions, and those closed since the previous meeting, built from the action list.',
  glossary: 'Only the glossary terms that appear somewhere in this pack, built when the pack is built.',
  attachment: "A partner's own PDF, appended to the PDF export and listed in the Word export.",
};

/** What a new item of each kind starts with, given the first choices available; null when something is missing. */
export interface FirstChoices {
  readonly viewId: number | null;
  readonly planId: number | null;
  readonly priorityId: number | null;
  readonly attachmentId: number | null;
}

export function firstContent(kind: AgendaItemKind, first: FirstChoices): AgendaContent | string {
  switch (kind) {
    case 'paper':
      return { kind, doc: EMPTY_PAPER };
    case 'performance table':
      return first.viewId === null
        ? 'Save a comparison view first (Comparisons screen).'
        : { kind, viewId: first.viewId };
    case 'chart':
      return first.viewId === null
        ? 'Save a comparison view first (Comparisons screen).'
        : { kind, viewId: first.viewId, chart: 'bar' };
    case 'priority progress':
      return first.priorityId === null ? 'Add a plan with priorities first.' : { kind, priorityId: first.priorityId };
    case 'finance':
      return first.planId === null ? 'Add a plan first.' : { kind, planId: first.planId };
    case 'action log':
    case 'glossary':
      return { kind };
    case 'attachment':
      return first.attachmentId === null ? 'Upload a PDF below first.' : { kind, attachmentId: first.attachmentId };
  }
}
