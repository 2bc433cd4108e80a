import { importPopulation } from '../../../db/imports/population/import-population';
import { openDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import { requireOption, type Command, textOrJsonFormat } from '../command';
import { reportingUnknownNames, thousands } from './import-options';

export const importPopulationCommand: Command = {
  summary: 'import populations by area and year (area,year,residents,households[,young people])',
  usage: 'boardpack import population FILE --db DB [--format text|json]',
  positionals: ['FILE'],
  options: { db: { type: 'string' }, format: { type: 'string', default: 'text' } },
  async run(values, out, [file = '']) {
    const path = requireOption(values, 'db');
    const format = textOrJsonFormat(values);
    const opened = await openDatabase(path, { dailyBackup: true });
    try {
      return await reportingUnknownNames('import population', out, async () => {
        const result = await importPopulation(opened.db, localWriter(), { file });
        if (format === 'json') out.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else {
          const { rates } = result;
          out.stdout(
            `Read ${result.file}: ${thousands(result.rowsRead)} rows; ${thousands(result.inserted)} created, ` +
              `${thousands(result.updated)} updated, ${thousands(result.unchanged)} unchanged.\n` +
              (rates.inserted + rates.updated + rates.unchanged > 0
                ? `Rates recomputed: ${thousands(rates.inserted)} created, ${thousands(rates.updated)} updated, ${thousands(rates.unchanged)} unchanged.\n`
                : ''),
          );
        }
        return 0;
      });
    } finally {
      await opened.close();
    }
  },
};
