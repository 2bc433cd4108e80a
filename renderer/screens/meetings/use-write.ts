import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { formatError } from '../../../shared/errors';
import { useSaveStatus } from '../../app/status';
import { expectOwnChange, invalidateTables, useApi } from '../../data/api-context';
import { call } from '../../data/call';

/**
 * One write of the Meetings screen: the status bar says Saving… then Saved (or
 * why not), and the screen's queries of the table written ('meetings',
 * 'agenda', 'pack' …) refresh once, not again on the write's own echo.
 */
export function useWrite() {
  const api = useApi();
  const client = useQueryClient();
  const status = useSaveStatus();
  return useCallback(
    async <Name extends MethodName>(name: Name, input: InputOf<Name>): Promise<Result<OutputOf<Name>>> => {
      const table = name.slice(0, name.indexOf('.'));
      const settle = expectOwnChange(table);
      const end = status.begin();
      const result = await call(api, name, input);
      settle(result.ok);
      end(result.ok ? { ok: true } : { ok: false, message: formatError(result.error) });
      if (result.ok) await invalidateTables(client, [table]);
      return result;
    },
    [api, client, status],
  );
}
