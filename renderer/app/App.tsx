import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../data/api-context';
import { useAppInfo, usePackFile } from '../data/queries';
import { ReviewerBanner } from './ReviewerBanner';
import { SCREENS, type ScreenId } from './screens';
import { SaveStatusProvider, statusText, useSaveState } from './status';
import { TeamConnectDialog } from './TeamConnectDialog';
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
  const info = useAppInfo();
  // A reviewer's pack file opens on its meeting's notes and offers only that screen; a screen is chosen per file.
  const pack = usePackFile().data ?? null;
  const fileKey = pack ? `${pack.sourceDatabaseId}/${pack.meetingId}/v${pack.version}` : null;
  const [chosen, setScreen] = useState<{ readonly id: ScreenId; readonly fileKey: string | null } | null>(null);
  const screen: ScreenId = chosen && chosen.fileKey === fileKey ? chosen.id : pack ? 'meetings' : 'plans';
  const screens = pack ? SCREENS.filter((candidate) => candidate.id === 'meetings') : SCREENS;
  const undo = useUndo();
  const api = useApi();
  // File ▸ Connect to team database… asks through an event: Electron has no text prompt of its own.
  const [connecting, setConnecting] = useState(false);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'show-dialog' && event.dialog === 'connect-team-database') setConnecting(true);
      }),
    [api],
  );

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
  // The same element while the screen is the same: a change of the undo stack renders the shell, not the screen.
  const screenElement = useMemo(() => <Screen key={current.id} />, [Screen, current.id]);
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">Boardpack</span>
          <span className="partnership" data-testid="partnership-name">
            {info.data?.partnership ?? (info.isPending ? 'Loading…' : 'Community safety partnership')}
          </span>
        </div>
        <div className="db-path" data-testid="database-path" title={info.data?.databaseLocation}>
          <span className="db-label">{info.data?.engine === 'postgres' ? 'Team database' : 'Database'}</span>{' '}
          {info.data?.databaseLocation ?? '…'}
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
          {screens.map((candidate) => (
            <li key={candidate.id}>
              <a
                href={`#${candidate.id}`}
                aria-current={candidate.id === screen ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  setScreen({ id: candidate.id, fileKey });
                }}
              >
                {candidate.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main" aria-labelledby="screen-title">
        {pack ? <ReviewerBanner pack={pack} /> : null}
        <h1 id="screen-title" className="screen-title">
          {current.label}
        </h1>
        {screenElement}
      </main>
      <footer className="status-bar">
        <SaveStatus />
        <div className="status-help">Enter edits · Esc cancels · Ctrl+Insert adds · Delete removes · Ctrl+Z undoes</div>
      </footer>
      {connecting ? <TeamConnectDialog onClose={() => setConnecting(false)} /> : null}
    </div>
  );
}

/** The save state in the status bar: the only part of the app that renders when a save starts or ends. */
function SaveStatus() {
  const state = useSaveState();
  return (
    <div role="status" aria-live="polite" data-testid="save-status" className={`status status-${state.kind}`}>
      {statusText(state)}
    </div>
  );
}
