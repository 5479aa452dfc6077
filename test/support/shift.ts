// Helpers for the shift, incident, key-register and handover tests.
import { as, type TestDesk } from './core';
import type { IncidentDraft } from '../../shared/contract/incidents';

export { failure } from './core';

/** Starts duty with every opening-check item ticked. */
export async function startShift(desk: TestDesk, token: string) {
  const { openingCheck } = await desk.core.invoke(as(token), 'shifts.current', {});
  return desk.core.invoke(as(token), 'shifts.start', { checks: openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' })) });
}

export function incidentDraft(desk: TestDesk, overrides: Partial<IncidentDraft> = {}): IncidentDraft {
  return {
    occurredAt: desk.clock.now() - 30 * 60_000,
    place: '大堂东门',
    peoplePresent: '李前台、王保安、出租车司机一名',
    course: '一辆出租车在大堂门口滞留二十分钟等客，劝离后仍不肯离开。',
    outcome: '保安再次劝离，司机已驶离。',
    category: 'loitering',
    needsFollowUp: false,
    ...overrides,
  };
}

/** Ticks every line of a draft handover. */
export async function tickAll(desk: TestDesk, token: string, handoverId: string, except: (kind: string) => boolean = () => false) {
  const handover = await desk.core.invoke(as(token), 'handover.get', { id: handoverId });
  for (const line of handover.lines) {
    if (except(line.kind)) continue;
    await desk.core.invoke(as(token), 'handover.mark', { id: handoverId, lineId: line.id, ticked: true, comment: '' });
  }
}

/** A 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
