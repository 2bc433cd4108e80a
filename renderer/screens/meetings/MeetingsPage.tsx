import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { MeetingSummary } from '../../../shared/api/meetings-contract';
import type { PackFileInfo } from '../../../shared/api/notes-contract';
import type { Result } from '../../../shared/api/result';
import { DeleteDialog } from '../../grid/DeleteDialog';
import { invalidateTables } from '../../data/api-context';
import { usePackFile } from '../../data/queries';
import { ActionsPanel } from './ActionsPanel';
import { AgendaPanel } from './AgendaPanel';
import { dateText } from './format';
import { DuplicateDialog, NewMeetingDialog } from './MeetingDialogs';
import { MeetingDetails } from './MeetingDetails';
import { MeetingList } from './MeetingList';
import { NotesPanel } from './NotesPanel';
import { PackPanel } from './PackPanel';
import { useMeeting, useMeetings, usePackBuild } from './queries';
import { useWrite } from './use-write';
import './meetings.css';

type Dialog = 'new' | 'duplicate' | 'delete' | null;
type TabId = 'meeting' | 'agenda' | 'actions' | 'pack' | 'notes';

/**
 * Meetings and their packs: the meetings newest first; for the one open, its
 * details and people, its agenda with each item's editor, its pack (problems,
 * preview, issue, versions, export) and the reviewers' notes on it. In a
 * reviewer's pack file only the notes can change: the rest is not offered.
 */
export function MeetingsPage() {
  const { meetings, isPending, error } = useMeetings();
  const reviewer = usePackFile().data ?? null;
  const write = useWrite();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const selected = meetings.find((meeting) => meeting.id === (chosen ?? reviewer?.meetingId)) ?? meetings[0] ?? null;

  /**
   * Deletes the meeting as the list shows it: made from its version, so a
   * meeting someone saved since is refused (said in the dialog and the status
   * bar) and the list refreshed; deleting again deletes it as saved now.
   */
  const deleteMeeting = async (meeting: MeetingSummary): Promise<Result<unknown>> => {
    const result = await write('meetings.delete', { id: meeting.id, version: meeting.version });
    if (result.ok) return result;
    await invalidateTables(client, ['meetings']);
    if (result.error.code !== 'stale') return result;
    const message = `${result.error.message}. Delete again to delete it as saved now, or cancel to keep it.`;
    return { ok: false, error: { ...result.error, message } };
  };

  return (
    <div className="meetings">
      <section className="meetings-rail" aria-labelledby="meetings-heading">
        <div className="grid-toolbar">
          <h2 id="meetings-heading" className="section-title">
            Meetings
          </h2>
          <span className="grid-toolbar-spacer" />
          {reviewer ? null : (
            <button type="button" className="button button-primary" onClick={() => setDialog('new')}>
              New meeting…
            </button>
          )}
        </div>
        {isPending ? <p className="help">Loading the meetings…</p> : null}
        {error ? (
          <p className="error-text" role="alert">
            The meetings could not be read: {error.message}
          </p>
        ) : null}
        <MeetingList meetings={meetings} selectedId={selected?.id ?? null} onSelect={setChosen} />
        {selected && !reviewer ? (
          <div className="rail-actions">
            <button type="button" className="button" onClick={() => setDialog('duplicate')}>
              Duplicate as next quarter…
            </button>
            <button type="button" className="button" onClick={() => setDialog('delete')}>
              Delete meeting…
            </button>
          </div>
        ) : null}
      </section>

      {selected ? (
        <MeetingWorkspace key={selected.id} meetingId={selected.id} reviewer={reviewer} />
      ) : !isPending ? (
        <p className="help">Start a meeting with New meeting; its agenda and pack are prepared here.</p>
      ) : null}

      {dialog === 'new' ? <NewMeetingDialog onCreated={setChosen} onClose={() => setDialog(null)} /> : null}
      {dialog === 'duplicate' && selected ? (
        <DuplicateDialog meeting={selected} onCreated={setChosen} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'delete' && selected ? (
        <DeleteDialog
          entity={null}
          id={selected.id}
          what={`the meeting "${selected.title}" with its agenda${selected.latestVersion === null ? ' and the actions raised at it' : ', the actions raised at it and its issued versions'}`}
          onConfirm={() => deleteMeeting(selected)}
          onClose={(deleted) => {
            setDialog(null);
            if (deleted) setChosen(null);
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * One meeting: its title line, then the Meeting, Agenda, Actions, Pack and
 * Notes tabs; in a reviewer's pack file, the Notes tab alone.
 */
function MeetingWorkspace({ meetingId, reviewer }: { meetingId: number; reviewer: PackFileInfo | null }) {
  const meeting = useMeeting(meetingId);
  const built = usePackBuild(reviewer ? null : meetingId);
  const [chosenTab, setTab] = useState<TabId | null>(null);
  const tab: TabId = reviewer ? 'notes' : (chosenTab ?? 'agenda');
  const [itemId, setItemId] = useState<number | null>(null);
  const problemCount = built.data?.problems.length ?? 0;

  if (meeting.error)
    return (
      <p className="error-text" role="alert">
        The meeting could not be read: {meeting.error.message}
      </p>
    );
  if (!meeting.data) return <p className="help">Opening the meeting…</p>;
  const data = meeting.data;

  return (
    <section className="meeting-workspace" aria-labelledby="meeting-heading">
      <div className="meeting-head">
        <h2 id="meeting-heading" className="meeting-title">
          {data.title}
        </h2>
        <span className="meeting-when">
          {dateText(data.heldOn)}
          {data.startsAt ? `, ${data.startsAt}` : ''}
          {data.venue ? ` · ${data.venue}` : ''}
        </span>
        <span className={`badge marking marking-${data.marking === 'OFFICIAL' ? 'official' : 'sensitive'}`}>
          {data.marking}
        </span>
      </div>
      <Tabs selectedKey={tab} onSelectionChange={(key) => setTab(key as TabId)} className="meeting-tabs">
        <TabList aria-label="Meeting" className="tab-list">
          {reviewer ? null : (
            <>
              <Tab id="meeting" className="tab">
                Meeting details
              </Tab>
              <Tab id="agenda" className="tab">
                Agenda and papers
              </Tab>
              <Tab id="actions" className="tab">
                Actions
              </Tab>
              <Tab id="pack" className="tab">
                Pack{problemCount > 0 ? ` (${problemCount} ${problemCount === 1 ? 'problem' : 'problems'})` : ''}
              </Tab>
            </>
          )}
          <Tab id="notes" className="tab">
            Notes
          </Tab>
        </TabList>
        {reviewer ? null : (
          <>
            <TabPanel id="meeting" className="tab-panel">
              <MeetingDetails meeting={data} />
            </TabPanel>
            <TabPanel id="agenda" className="tab-panel">
              <AgendaPanel meeting={data} built={built.data} selectedItemId={itemId} onSelectItem={setItemId} />
            </TabPanel>
            <TabPanel id="actions" className="tab-panel">
              <ActionsPanel meeting={data} />
            </TabPanel>
            <TabPanel id="pack" className="tab-panel">
              <PackPanel
                meetingId={meetingId}
                onGoToItem={(id) => {
                  setItemId(id);
                  setTab('agenda');
                }}
              />
            </TabPanel>
          </>
        )}
        <TabPanel id="notes" className="tab-panel">
          <NotesPanel meetingId={meetingId} reviewer={reviewer} onGoToPack={() => setTab('pack')} />
        </TabPanel>
      </Tabs>
    </section>
  );
}
