import type { CommandGroup } from '../command';
import { importFiguresCommand } from './import-figures';
import { importPoliceCommand } from './import-police';
import { importPopulationCommand } from './import-population';

/** `boardpack import <kind>`: figures, police.uk crime files, populations. */
export const importCommands: CommandGroup = {
  summary: 'import figures, police.uk crime files or populations (boardpack import --help)',
  subcommands: {
    figures: importFiguresCommand,
    police: importPoliceCommand,
    population: importPopulationCommand,
  },
};
