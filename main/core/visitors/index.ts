// Visitors (V-1 … V-7): the desk, the visitor screen, the watch list, and the timers.
import type { FeatureHandlers } from '../context';
import { deskHandlers } from './desk';
import { kioskHandlers } from './kiosk';
import { watchListHandlers } from './watch-list';
import { overstayJob, retentionJobWith, type RetentionPart } from './jobs';

export const visitorsHandlers: FeatureHandlers<'visitors'> = {
  ...deskHandlers,
  ...watchListHandlers,
  ...kioskHandlers,
};

export type { RetentionPart } from './jobs';

/** The overstay alert and the retention run, with the other features' personal data redacted in the same run. */
export function visitorsJobsWith(retentionParts: readonly RetentionPart[]) {
  return [overstayJob, retentionJobWith(retentionParts)];
}

// The public face: what other features use of this one.
export { announce, checkPurpose, checkTenant, nextPassNumber, staffId, visitOut } from './desk';
export { matchWatchList, matchesJson } from './watch-list';
export { visitorSettings } from './settings';
export { visitRow } from './rows';
export { insertVisit, visitorColumns } from './new-visit';
