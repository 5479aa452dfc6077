// Visitors (V-1 … V-7): the desk, the visitor screen, the watch list, and the timers.
import type { FeatureHandlers } from '../context';
import { deskHandlers } from './desk';
import { kioskHandlers } from './kiosk';
import { watchListHandlers } from './watch-list';
import { overstayJob, retentionJob } from './jobs';

export const visitorsHandlers: FeatureHandlers<'visitors'> = {
  ...deskHandlers,
  ...watchListHandlers,
  ...kioskHandlers,
};

export const visitorsJobs = [overstayJob, retentionJob];
