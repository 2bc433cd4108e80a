import { useEffect, useState } from 'react';
import { useAppInfo } from '../data/queries';
import { SCREENS, type ScreenId } from './screens';
import { SaveStatusProvider, statusText, useSaveStatus } from './status';
import { UndoProvider, useUndo } from './undo';

export function App() {
  return (
    <SaveStatusProvider>
      <UndoProvider>
        <Shell />
      </UndoProvider>
    </SaveStatusProvider>
  );
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The frame around every screen: who and which file, the navigation, the screen, and the save status. */
function Shell() {
  const [screen, setScreen] = useState<ScreenId>('plans');
  const info = useAppInfo();
  const undo = useUndo();
  const status = useSaveStatus();

  // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo this session's edits, except inside a text box.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo.undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        void undo.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  const current = SCREENS.find((candidate) => candidate.id === screen) ?? SCREENS[0];
  const Screen = current.component;
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">Boardpack</span>
          <span className="partnership" data-testid="partnership-name">
            {info.data?.partnership ?? (info.isPending ? 'Loading…' : 'Community safety partnership')}
          </span>
        </div>
        <div className="db-path" data-testid="database-path" title={info.data?.databasePath}>
          <span className="db-label">Database</span> {info.data?.databasePath ?? '…'}
        </div>
        <div className="header-actions">
          <button
            type="button"
            className="button"
            onClick={() => void undo.undo()}
            disabled={!undo.nextUndo}
            title={undo.nextUndo ? `Undo ${undo.nextUndo.label} (Ctrl+Z)` : 'Nothing to undo'}
          >
            Undo
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void undo.redo()}
            disabled={!undo.nextRedo}
            title={undo.nextRedo ? `Redo ${undo.nextRedo.label} (Ctrl+Y)` : 'Nothing to redo'}
          >
            Redo
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label="Screens">
        <ul>
          {SCREENS.map((candidate) => (
            <li key={candidate.id}>
              <a
                href={`#${candidate.id}`}
                aria-current={candidate.id === screen ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  setScreen(candidate.id);
                }}
              >
                {candidate.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main" aria-labelledby="screen-title">
        <h1 id="screen-title" className="screen-title">
          {current.label}
        </h1>
        <Screen key={current.id} />
      </main>
      <footer className="status-bar">
        <div
          role="status"
          aria-live="polite"
          data-testid="save-status"
          className={`status status-${status.state.kind}`}
        >
          {statusText(status.state)}
        </div>
        <div className="status-help">Enter edits · Esc cancels · Ctrl+Insert adds · Delete removes · Ctrl+Z undoes</div>
      </footer>
    </div>
  );
}
