import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Input, Label, Modal, ModalOverlay, Text, TextField } from 'react-aria-components';
import type { TeamDatabaseConnected, TeamDatabaseStatus } from '../../shared/api/team-contract';
import { formatError } from '../../shared/errors';
import { useApi } from '../data/api-context';
import { unwrap } from '../data/call';
import {
  NO_TEAM_DATABASE,
  serverProblem,
  teamDatabaseFields,
  teamDatabaseUrl,
  type TeamDatabaseFields,
} from './team-url';
import { FormFooter } from './FormFooter';
import './team-connect.css';

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly description?: string;
  readonly type?: 'text' | 'password';
  readonly isRequired?: boolean;
  readonly autoFocus?: boolean;
}

function Field({ label, value, onChange, description, type = 'text', isRequired = false, autoFocus }: FieldProps) {
  return (
    <TextField
      className="field"
      value={value}
      onChange={onChange}
      type={type}
      isRequired={isRequired}
      autoFocus={autoFocus ?? false}
    >
      <Label className="field-label">{label}</Label>
      <Input className="text-input" autoComplete="off" spellCheck={false} />
      {description ? (
        <Text slot="description" className="team-field-help">
          {description}
        </Text>
      ) : null}
    </TextField>
  );
}

/**
 * File ▸ Connect to team database… (issue 9): the server, database, user name
 * and password of a partnership's database on a PostgreSQL server, whether
 * to remember it on this computer (kept encrypted by the system keychain),
 * and why a connection was refused. The open database stays open until one succeeds.
 */
export function TeamConnectDialog({ onClose }: { readonly onClose: () => void }) {
  const api = useApi();
  const status = useQuery({
    queryKey: ['team'],
    queryFn: () => unwrap<TeamDatabaseStatus>(api['team.status']({})),
  });
  const [fields, setFields] = useState<TeamDatabaseFields>(NO_TEAM_DATABASE);
  const [remember, setRemember] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [connected, setConnected] = useState<TeamDatabaseConnected | null>(null);
  const rememberHelp = useId();
  const cannotRemember = status.data?.cannotRemember ?? null;
  const canRemember = status.isSuccess && cannotRemember === null;

  const change = (part: keyof TeamDatabaseFields) => (value: string) => {
    // A whole postgres:// URL pasted into the server's box fills every box.
    const pasted = part === 'server' ? teamDatabaseFields(value) : null;
    setFields((current) => pasted ?? { ...current, [part]: value });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = serverProblem(fields.server);
    if (problem !== null) {
      setFailure(problem);
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = await api['team.connect']({ url: teamDatabaseUrl(fields), remember: remember && canRemember });
    setWorking(false);
    if (!result.ok) setFailure(`Not connected: ${formatError(result.error)}`);
    else if (result.value.notRemembered !== null) setConnected(result.value);
    else onClose();
  };

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            Connect to team database
          </Heading>
          {connected ? (
            <>
              <div className="dialog-body" role="status">
                <p>Connected to {connected.location}.</p>
                <p>It was not remembered: {connected.notRemembered}.</p>
              </div>
              <div className="dialog-actions">
                <Button slot="close" className="button button-primary" autoFocus>
                  Close
                </Button>
              </div>
            </>
          ) : (
            <form className="dialog-form" onSubmit={(event) => void submit(event)}>
              <p className="help">
                The partnership’s database on your council’s PostgreSQL server. Ask whoever runs the server for these; a
                whole <code>postgres://</code> address can be pasted into Server.
              </p>
              <div className="team-grid">
                <Field
                  label="Server"
                  value={fields.server}
                  onChange={change('server')}
                  description="db.council.example, or db.council.example:5433"
                  isRequired
                  autoFocus
                />
                <Field label="Database" value={fields.database} onChange={change('database')} isRequired />
                <Field label="User name" value={fields.user} onChange={change('user')} isRequired />
                <Field label="Password" value={fields.password} onChange={change('password')} type="password" />
              </div>
              <Field
                label="Connection options (optional)"
                value={fields.options}
                onChange={change('options')}
                description="As the server asks, e.g. sslmode=require"
              />
              <div className="team-remember">
                <label>
                  <input
                    type="checkbox"
                    checked={remember && canRemember}
                    disabled={!canRemember}
                    aria-describedby={rememberHelp}
                    onChange={(event) => setRemember(event.target.checked)}
                  />{' '}
                  Remember on this computer and reopen it at the next start
                </label>
                <p id={rememberHelp} className="team-field-help">
                  {status.isPending
                    ? 'Checking whether this computer can keep the password safely…'
                    : status.isError
                      ? `Cannot tell whether this computer can keep the password: ${status.error.message}`
                      : cannotRemember === null
                        ? 'The address and password are kept encrypted by the system keychain, never in plain text.'
                        : `Not available: ${cannotRemember}.`}
                </p>
              </div>
              <FormFooter failure={failure} working={working} submitLabel="Connect" workingLabel="Connecting…" />
            </form>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
