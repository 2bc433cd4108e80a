import { requireOption, type Command, textOrJsonFormat } from '../command';
import { call, withPackContext } from './pack-context';

export const issueCommand: Command = {
  summary: "freeze a meeting's board pack as its next numbered version (refused while the pack has problems)",
  usage: 'boardpack issue --db DB --meeting ID_OR_TITLE [--format text|json]',
  options: { db: { type: 'string' }, meeting: { type: 'string' }, format: { type: 'string' } },
  async run(values, out) {
    const db = requireOption(values, 'db');
    const meeting = requireOption(values, 'meeting');
    const format = textOrJsonFormat(values);
    return withPackContext({ db, meeting }, async ({ context, meeting: found }) => {
      const issued = await call(context, 'pack.issue', { meetingId: found.id });
      out.stdout(
        format === 'json'
          ? `${JSON.stringify({ meeting: found.title, version: issued.number, issuedAt: issued.issuedAt }, null, 2)}\n`
          : `issued v${issued.number} of "${found.title}"\n`,
      );
      return 0;
    });
  },
};
