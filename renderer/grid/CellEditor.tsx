import { useRef, type KeyboardEvent } from 'react';
import type { FieldSpec } from './field-spec';

export type EditEnd =
  { readonly kind: 'commit'; readonly move: 'none' | 'next' | 'previous' } | { readonly kind: 'cancel' };

interface CellEditorProps<Row> {
  readonly spec: FieldSpec<Row>;
  readonly text: string;
  readonly label: string;
  readonly errorId: string | undefined;
  readonly onChange: (text: string) => void;
  readonly onEnd: (end: EditEnd) => void;
}

/**
 * The input that replaces a cell while it is edited. Enter (or Tab) commits, Esc
 * cancels, leaving the cell commits; in long text Shift+Enter or Alt+Enter adds a line.
 */
export function CellEditor<Row>({ spec, text, label, errorId, onChange, onEnd }: CellEditorProps<Row>) {
  const ended = useRef(false);
  const end = (how: EditEnd) => {
    if (ended.current) return;
    ended.current = true;
    onEnd(how);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      end({ kind: 'cancel' });
    } else if (event.key === 'Enter' && !(spec.kind === 'longtext' && (event.shiftKey || event.altKey))) {
      event.preventDefault();
      end({ kind: 'commit', move: 'none' });
    } else if (event.key === 'Tab') {
      event.preventDefault();
      end({ kind: 'commit', move: event.shiftKey ? 'previous' : 'next' });
    }
  };
  const common = {
    'aria-label': label,
    'aria-invalid': errorId ? true : undefined,
    'aria-describedby': errorId,
    autoFocus: true,
    onKeyDown,
    onBlur: () => end({ kind: 'commit', move: 'none' }),
    onPaste: (event: React.ClipboardEvent) => event.stopPropagation(),
    onCopy: (event: React.ClipboardEvent) => event.stopPropagation(),
  };
  if (spec.kind === 'select') {
    return (
      <select className="cell-editor" value={text} onChange={(event) => onChange(event.target.value)} {...common}>
        {spec.nullable || text === '' ? <option value="">(none)</option> : null}
        {(spec.options ?? []).map((option) => (
          <option key={String(option.value)} value={option.value === null ? '' : String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'longtext') {
    return (
      <textarea
        className="cell-editor cell-editor-long"
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onFocus={(event) => event.currentTarget.setSelectionRange(text.length, text.length)}
        {...common}
      />
    );
  }
  return (
    <input
      className="cell-editor"
      type="text"
      inputMode={spec.kind === 'number' || spec.kind === 'money' ? 'decimal' : undefined}
      placeholder={spec.kind === 'date' ? 'YYYY-MM-DD' : undefined}
      value={text}
      onChange={(event) => onChange(event.target.value)}
      onFocus={(event) => event.currentTarget.setSelectionRange(text.length, text.length)}
      {...common}
    />
  );
}
