import type { Migration } from 'kysely';
import * as initial from './0001-initial';
import * as imports from './0002-imports';
import * as comparisonViews from './0003-comparison-views';
import * as importMappings from './0004-import-mappings';
import * as meetings from './0005-meetings';
import * as annotations from './0006-annotations';
import * as actionUpdates from './0007-action-updates';
import * as rowVersions from './0008-row-versions';
import * as team from './0009-team';

/**
 * Every migration, by name, imported rather than found on disk: the app bundles
 * them and a strict CSP forbids evaluating files at run time. A test checks this
 * record against the folder, so a forgotten import fails.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-imports': imports,
  '0003-comparison-views': comparisonViews,
  '0004-import-mappings': importMappings,
  '0005-meetings': meetings,
  '0006-annotations': annotations,
  '0007-action-updates': actionUpdates,
  '0008-row-versions': rowVersions,
  '0009-team': team,
};
