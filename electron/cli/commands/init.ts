import { describeLocation } from '../../../shared/database-location';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import { requireOption, type Command } from '../command';

export const initCommand: Command = {
  summary: 'create a new database, with the demo dataset if asked',
  usage: 'boardpack init --db FILE [--demo]',
  options: { db: { type: 'string' }, demo: { type: 'boolean' } },
  async run(values, out) {
    const location = requireOption(values, 'db');
    const opened = await openDatabase(location, { create: true });
    // A team database's URL is shown without its password.
    const shown = describeLocation(location);
    try {
      if (values.demo) {
        const summary = await loadDemoDataset(opened.db, localWriter());
        out.stdout(
          `Created ${shown} with the demo dataset: ${summary.plans} plans, ${summary.priorities} priorities, ` +
            `${summary.activities} activities, ${summary.figures} figures.\n`,
        );
      } else {
        out.stdout(`Created ${shown} (empty).\n`);
      }
    } finally {
      await opened.close();
    }
    return 0;
  },
};
