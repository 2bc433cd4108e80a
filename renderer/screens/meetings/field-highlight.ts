import { Extension, type Editor } from '@tiptap/core';
import type { Node as ProseNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A field bound to data as written in a paper: `{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2013"}}`. */
export const FIELD_PATTERN = /\{\{[^{}]*\}\}/g;

/** Fields compare by their words, whatever the spacing between them. */
export const fieldKey = (source: string) => source.replace(/\s+/g, ' ').trim();

interface FieldState {
  /** The problem of each field the last pack build could not fill, by fieldKey. */
  readonly problems: ReadonlyMap<string, string>;
  readonly decorations: DecorationSet;
}

const key = new PluginKey<FieldState>('paperFields');

/** Marks every `{{…}}` in the document's text blocks; those with a problem as errors, the problem as their tooltip. */
function decorate(doc: ProseNode, problems: ReadonlyMap<string, string>): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true;
    // One string per block, one character per position: a field may span bold and plain text.
    let text = '';
    node.forEach((child) => {
      text += child.isText ? (child.text ?? '') : '\uFFFC'.repeat(child.nodeSize);
    });
    for (const match of text.matchAll(FIELD_PATTERN)) {
      const from = position + 1 + match.index;
      const problem = problems.get(fieldKey(match[0]));
      decorations.push(
        Decoration.inline(
          from,
          from + match[0].length,
          problem === undefined
            ? { class: 'paper-field' }
            : { class: 'paper-field paper-field-error', title: problem, 'data-problem': problem },
        ),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Highlights bound fields in the editor, and as errors the ones the pack build reported. */
export const FieldHighlight = Extension.create({
  name: 'fieldHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<FieldState>({
        key,
        state: {
          init: (_config, state) => ({ problems: new Map(), decorations: decorate(state.doc, new Map()) }),
          apply(transaction, value) {
            const problems = transaction.getMeta(key) as ReadonlyMap<string, string> | undefined;
            if (problems === undefined && !transaction.docChanged) return value;
            const next = problems ?? value.problems;
            return { problems: next, decorations: decorate(transaction.doc, next) };
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
      }),
    ];
  },
});

/** Gives the editor the fields the latest pack build could not fill (not an edit: nothing to undo or save). */
export function showFieldProblems(editor: Editor, problems: ReadonlyMap<string, string>): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(key, problems).setMeta('addToHistory', false));
}
