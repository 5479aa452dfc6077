// What a call brings to a reception-record item (P-3): the caller as the owner, the unit and the tenant, the topic
// and the note as the matter, and a type guessed from the topic — the receptionist confirms or changes it.
import type { Call } from '../../../../shared/contract/calls';
import type { ItemType } from '../../../../shared/contract/records';
import type { RecordPrefill } from '../records';

/** Words in a topic (typed in either language) that say which type of item it is; the first match wins. */
const TOPIC_TYPES: ReadonlyArray<readonly [ItemType, RegExp]> = [
  ['complaint', /投诉|complain/i],
  ['repair', /报修|维修|修理|故障|漏水|损坏|repair|broken|leak/i],
  ['renovation', /装修|renovat/i],
  ['move_in', /入伙|入住|交房|move[- ]?in/i],
  ['suggestion', /建议|suggest/i],
  ['inquiry', /咨询|询问|查询|inquir|enquir|question/i],
];

export function itemTypeForTopic(topic: string): ItemType | undefined {
  return TOPIC_TYPES.find(([, words]) => words.test(topic))?.[0];
}

/** The matter: the topic, then what was noted (one line each), as the call record has them. */
export function matterOf(call: Pick<Call, 'topic' | 'note'>): string {
  return [call.topic, call.note].filter((part) => part.trim().length > 0).join('\n');
}

export function recordPrefillOf(call: Call): RecordPrefill {
  return {
    type: itemTypeForTopic(call.topic),
    ownerName: call.callerName,
    ownerPhone: call.callerNumber,
    unit: call.unit,
    tenantId: call.tenantId,
    tenantName: call.tenantName,
    matter: matterOf(call),
  };
}
