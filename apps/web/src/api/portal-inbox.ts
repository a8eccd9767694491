import type { QueryIn } from '@kern/kit/contract';
import { portalContract, type InboxItem, type messageSchema } from '@kern/portal/contract';
import type { z } from 'zod';
import type { Api } from '../api';

export type { InboxItem };
/** A message of a resident's portal thread as staff see it. */
export type ThreadMessage = z.infer<typeof messageSchema>;
export type InboxOrder = NonNullable<QueryIn<typeof portalContract.staffInbox>['order']>;

/** The staff side of the portal conversation: the inbox, a thread, an answer, marking handled. */
export function portalInboxApi(api: Api) {
  return {
    inbox: (order: InboxOrder) => api.call(portalContract.staffInbox, { query: { order } }),
    thread: (bsn: string) => api.call(portalContract.staffThread, { params: { bsn } }).then((r) => r.messages),
    answer: (bsn: string, body: string) => api.call(portalContract.staffAnswer, { params: { bsn }, body: { body } }).then((r) => r.messages),
    markHandled: (bsn: string, id: string) => api.call(portalContract.staffMarkHandled, { params: { bsn, id } }).then((r) => r.messages),
  };
}
