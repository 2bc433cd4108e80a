import { listAreas } from '../../../db/repositories/areas';
import type { HandlerTable } from '../context';

/** Areas carry their aliases ("Total Bucks"), which the generic record list does not read. */
export const areaHandlers = {
  'areas.list': async (context, input) => {
    const where = Object.entries(input.where ?? {});
    const areas = await listAreas(context.db);
    return areas.filter((area) => where.every(([column, value]) => area[column as keyof typeof area] === value));
  },
} satisfies Partial<HandlerTable>;
