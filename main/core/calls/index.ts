// The phone desk's methods (P-1 … P-5) and its timers.
import type { FeatureHandlers } from '../context';
import type { Job } from '../jobs';
import { requireBuildingProfile } from '../settings';
import { writeSection } from '../settings';
import { ValidationError } from '../errors';
import { callSettings, CALLS_SECTION } from './settings';
import { answerRing, callsInProgress, closeInterruptedRings, closeUnansweredRings, giveUpRing, ringingCalls, startRing } from './ring-timer';
import { applyGuard, saveCall, tickStep } from './call-record';
import { listCalls } from './call-log';
import { dayFigures, receptionistDayFigures, todayKey } from './figures';
import { requireCall } from './rows';
import { callToCallback, callToRecord } from './links';
import { callerFile } from './caller-file';

export { callById } from './rows';
export { linkCallToCallback, linkCallToRecord } from './links';
export { callSettings } from './settings';
export { answerRing, giveUpRing, startRing } from './ring-timer';
export { ringMemory } from './ring-memory';

export const callsHandlers: FeatureHandlers<'calls'> = {
  ring: (ctx, input) => startRing(ctx, input),
  answer: (ctx, input) => answerRing(ctx, input.id),
  giveUp: (ctx, input) => giveUpRing(ctx, input.id, input.callerNumber),
  tickStep: (ctx, input) => tickStep(ctx, input),
  guard: (ctx, input) => applyGuard(ctx, input.id),
  save: (ctx, input) => saveCall(ctx, input),
  toRecord: (ctx, input) => callToRecord(ctx, input),
  toCallback: (ctx, input) => callToCallback(ctx, input),
  active: (ctx) => ({ ringing: ringingCalls(ctx), inProgress: callsInProgress(ctx.db), settings: callSettings(ctx.db) }),
  callerFile: (ctx, input) => callerFile(ctx, input.id),
  get: (ctx, input) => requireCall(ctx.db, input.id),
  list: (ctx, input) => listCalls(ctx.db, input, requireBuildingProfile(ctx.db).timeZone),
  figures: (ctx, input) => {
    const tz = requireBuildingProfile(ctx.db).timeZone;
    return dayFigures(ctx.db, input.day ?? todayKey(ctx.now, tz), tz);
  },
  dailyFigures: (ctx, input) => ({ rows: receptionistDayFigures(ctx.db, input.from, input.to, requireBuildingProfile(ctx.db).timeZone) }),
  settings: (ctx) => callSettings(ctx.db),
  updateSettings: (ctx, input) => {
    const targetSeconds = input.secondsPerRing * input.targetRings;
    if (input.giveUpAfterSeconds < targetSeconds) {
      throw ValidationError.field('giveUpAfterSeconds', 'calls:error.giveUpTooSoon', { seconds: targetSeconds });
    }
    writeSection(ctx.tx, CALLS_SECTION, input);
    ctx.emit('calls.settingsChanged', input);
    return input;
  },
};

export const callsJobs: Job[] = [closeInterruptedRings, closeUnansweredRings];
