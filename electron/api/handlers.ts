import {
  activityFields,
  areaFields,
  deliveryGroupFields,
  fundingLineFields,
  glossaryFields,
  grantFields,
  indicatorFields,
  partnerFields,
  periodFields,
  personFields,
  planFields,
  priorityFields,
} from '../../shared/api/records';
import { RECORD_SPECS } from '../../db/repositories/record-specs';
import type { HandlerTable } from './context';
import { recordHandlers } from './record-handlers';
import { actionHandlers } from './handlers/actions';
import { appHandlers } from './handlers/app';
import { areaHandlers } from './handlers/areas';
import { chartHandlers } from './handlers/charts';
import { deliveryGroupHandlers } from './handlers/delivery-groups';
import { figureHandlers } from './handlers/figures';
import { importHandlers } from './handlers/imports';
import { meetingHandlers } from './handlers/meetings';
import { noteHandlers } from './handlers/notes';
import { packHandlers } from './handlers/pack';
import { reportHandlers } from './handlers/reports';
import { teamHandlers } from './handlers/team';
import { viewHandlers } from './handlers/views';

/**
 * Every contract method bound to its handler. `satisfies HandlerTable` makes a
 * missing or extra method a compile error; the same table serves Electron's IPC,
 * the HTTP bridge of the preview and end-to-end tests, and the handler tests.
 */
export const HANDLERS = {
  ...appHandlers,
  ...recordHandlers('plans', RECORD_SPECS.plan, planFields),
  ...recordHandlers('priorities', RECORD_SPECS.priority, priorityFields),
  ...recordHandlers('activities', RECORD_SPECS.activity, activityFields),
  ...recordHandlers('deliveryGroups', RECORD_SPECS.deliveryGroup, deliveryGroupFields),
  ...deliveryGroupHandlers,
  ...recordHandlers('partners', RECORD_SPECS.partner, partnerFields),
  ...recordHandlers('people', RECORD_SPECS.person, personFields),
  ...recordHandlers('areas', RECORD_SPECS.area, areaFields),
  ...areaHandlers,
  ...recordHandlers('periods', RECORD_SPECS.period, periodFields),
  ...recordHandlers('indicators', RECORD_SPECS.indicator, indicatorFields),
  ...recordHandlers('fundingLines', RECORD_SPECS.fundingLine, fundingLineFields),
  ...recordHandlers('grants', RECORD_SPECS.grantAward, grantFields),
  ...recordHandlers('glossary', RECORD_SPECS.glossaryTerm, glossaryFields),
  ...figureHandlers,
  ...reportHandlers,
  ...importHandlers,
  ...viewHandlers,
  ...chartHandlers,
  ...meetingHandlers,
  ...packHandlers,
  ...noteHandlers,
  ...actionHandlers,
  ...teamHandlers,
} satisfies HandlerTable;
