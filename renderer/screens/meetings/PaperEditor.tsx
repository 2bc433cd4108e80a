import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { PackProblem } from '../../../shared/pack/document';
import type { PaperDoc } from '../../../shared/pack/agenda-content';
import { FieldHighlight, fieldKey, showFieldProblems } from './field-highlight';
import { FormDialog } from './FormDialog';
import { InsertFieldDialog } from './InsertFieldDialog';
import { useDebouncedChanges } from './use-debounced-changes';

interface PaperEditorProps {
  readonly title: string;
  readonly doc: PaperDoc;
  /** What the latest pack build could not fill in this paper. */
  readonly problems: readonly PackProblem[];
  readonly onSave: (doc: PaperDoc) => void;
}

/** ProseMirror needs a block in the document; an empty paper starts with an empty paragraph. */
const startingDoc = (doc: PaperDoc): JSONContent =>
  doc.content.length === 0 ? { type: 'doc', content: [{ type: 'paragraph' }] } : (doc as JSONContent);

/**
 * A paper's rich text (TipTap 3): headings 2–3, bold, italic, lists, links and
 * simple tables, with fields bound to data highlighted, those the pack cannot
 * fill marked as errors. Saves after a pause in typing and on leaving the editor.
 */
export function PaperEditor({ title, doc, problems, onSave }: PaperEditorProps) {
  const { schedule, flush } = useDebouncedChanges<{ doc: PaperDoc }>((changes) => onSave(changes.doc));
  const problemsId = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['mailto'] },
      }),
      TableKit.configure({ table: { resizable: false } }),
      FieldHighlight,
    ],
    content: startingDoc(doc),
    // The CSP allows no inline <style>: the editor's few rules are in meetings.css.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'paper-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': `Text of the paper "${title}"`,
        'aria-describedby': problemsId,
      },
    },
    onUpdate: ({ editor: changed }) => schedule({ doc: changed.getJSON() as PaperDoc }),
    onBlur: () => flush(),
  });

  const problemKey = problems.map((problem) => `${problem.source ?? ''}\u0000${problem.message}`).join('\u0001');
  useEffect(() => {
    const map = new Map<string, string>();
    for (const problem of problems) if (problem.source) map.set(fieldKey(problem.source), problem.message);
    showFieldProblems(editor, map);
    // problemKey stands for the problems' contents: a rebuilt but equal list changes nothing.
  }, [editor, problemKey]);

  return (
    <div className="paper-editor">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} className="paper-frame" />
      <div id={problemsId} className="paper-problems" aria-live="polite">
        {problems.length > 0 ? (
          <>
            <h4 className="problems-title">
              {problems.length === 1
                ? 'A field the pack cannot fill'
                : `${problems.length} fields the pack cannot fill`}
            </h4>
            <ul className="problem-list">
              {problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

function ToolButton({
  label,
  pressed,
  onPress,
  children,
  disabled = false,
}: {
  label: string;
  pressed?: boolean;
  onPress: () => void;
  /** What the button shows, when not its label in plain text; the label stays in it (its accessible name). */
  children?: ReactNode;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the editor's selection: the toolbar acts on it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPress}
    >
      {children ?? label}
    </button>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bullets: current.isActive('bulletList'),
      numbers: current.isActive('orderedList'),
      link: current.isActive('link'),
      table: current.isActive('table'),
    }),
  });
  const [dialog, setDialog] = useState<'link' | 'field' | null>(null);
  const chain = () => editor.chain().focus();

  return (
    <div className="paper-toolbar" role="toolbar" aria-label="Formatting">
      <ToolButton label="Heading 2" pressed={state.h2} onPress={() => chain().toggleHeading({ level: 2 }).run()} />
      <ToolButton label="Heading 3" pressed={state.h3} onPress={() => chain().toggleHeading({ level: 3 }).run()} />
      <span className="tool-gap" />
      <ToolButton label="Bold" pressed={state.bold} onPress={() => chain().toggleBold().run()}>
        <strong>Bold</strong>
      </ToolButton>
      <ToolButton label="Italic" pressed={state.italic} onPress={() => chain().toggleItalic().run()}>
        <em>Italic</em>
      </ToolButton>
      <span className="tool-gap" />
      <ToolButton label="Bulleted list" pressed={state.bullets} onPress={() => chain().toggleBulletList().run()} />
      <ToolButton label="Numbered list" pressed={state.numbers} onPress={() => chain().toggleOrderedList().run()} />
      <ToolButton label="Link…" pressed={state.link} onPress={() => setDialog('link')} />
      <span className="tool-gap" />
      <ToolButton
        label="Insert table"
        disabled={state.table}
        onPress={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      />
      {state.table ? (
        <>
          <ToolButton label="Add row below" onPress={() => chain().addRowAfter().run()} />
          <ToolButton label="Add column after" onPress={() => chain().addColumnAfter().run()} />
          <ToolButton label="Delete row" onPress={() => chain().deleteRow().run()} />
          <ToolButton label="Delete column" onPress={() => chain().deleteColumn().run()} />
          <ToolButton label="Delete table" onPress={() => chain().deleteTable().run()} />
        </>
      ) : null}
      <span className="tool-gap" />
      <ToolButton label="Insert field…" onPress={() => setDialog('field')} />
      {dialog === 'link' ? (
        <LinkDialog
          initial={(editor.getAttributes('link').href as string | undefined) ?? ''}
          onApply={(href) =>
            href === ''
              ? chain().extendMarkRange('link').unsetLink().run()
              : chain().extendMarkRange('link').setLink({ href }).run()
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'field' ? (
        <InsertFieldDialog
          onInsert={(text) => chain().insertContent({ type: 'text', text }).run()}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}

const LINK = /^(https?:\/\/|mailto:)\S+$/i;

function LinkDialog({
  initial,
  onApply,
  onClose,
}: {
  initial: string;
  onApply: (href: string) => void;
  onClose: () => void;
}) {
  const [href, setHref] = useState(initial);
  return (
    <FormDialog
      title="Link"
      submitLabel="Apply"
      onClose={onClose}
      onSubmit={() => {
        const wanted = href.trim();
        if (wanted !== '' && !LINK.test(wanted))
          return Promise.resolve(
            'A link starts with https://, http:// or mailto: (leave it empty to remove the link).',
          );
        onApply(wanted);
        return Promise.resolve(null);
      }}
    >
      <label className="field">
        <span className="field-label">Address (empty removes the link)</span>
        <input
          className="text-input text-input-wide"
          type="text"
          value={href}
          autoFocus
          placeholder="https://www.saferbucks.org"
          onChange={(event) => setHref(event.target.value)}
        />
      </label>
    </FormDialog>
  );
}
