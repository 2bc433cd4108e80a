import { requireOption, type Command } from '../command';
import { writeAtomically } from '../../files/write-atomically';
import { numberOption } from './notes-options';
import { call, withPackContext } from './pack-context';

export const packFileCommand: Command = {
  summary: "write a reviewer's .boardpack file: one issued version, read-only there but for annotations",
  usage: 'boardpack pack-file --db DB --meeting ID_OR_TITLE --version N --out FILE.boardpack [--reviewer NAME]',
  options: {
    db: { type: 'string' },
    meeting: { type: 'string' },
    version: { type: 'string' },
    out: { type: 'string' },
    reviewer: { type: 'string' },
  },
  async run(values, out) {
    const db = requireOption(values, 'db');
    const meeting = requireOption(values, 'meeting');
    requireOption(values, 'version');
    const version = numberOption(values, 'version') ?? 0;
    const target = requireOption(values, 'out');
    const reviewer = typeof values.reviewer === 'string' ? values.reviewer : null;
    return withPackContext({ db, meeting }, async ({ context, meeting: found }) => {
      const file = await call(context, 'exchange.exportPackFile', { meetingId: found.id, version, reviewer });
      await writeAtomically(target, Buffer.from(file.content, file.encoding), 'the pack file');
      out.stdout(`Wrote ${target}: version ${version} of "${found.title}"${reviewer ? ` for ${reviewer}` : ''}\n`);
      return 0;
    });
  },
};
