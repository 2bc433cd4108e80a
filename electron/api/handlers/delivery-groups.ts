import { listDeliveryGroupLinks, setDeliveryGroupPriorities } from '../../../db/repositories/delivery-groups';
import { writing, type HandlerTable } from '../context';

export const deliveryGroupHandlers = {
  'deliveryGroups.priorities': (context) => listDeliveryGroupLinks(context.db),
  'deliveryGroups.setPriorities': (context, input) =>
    setDeliveryGroupPriorities(writing(context.db), context.writer, input.id, input.version, input.priorityIds),
} satisfies Partial<HandlerTable>;
