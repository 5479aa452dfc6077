// The escalation ladder (R-4, 篇4 §4.6–4.8): open longer than 2 days → the customer-service supervisor owns the
// item; longer than 1 week → the manager. A warning goes out before each step (default 4 h).
import { HOUR } from '../../../shared/rules/time';
import type { ClockKind, Level } from '../../../shared/contract/records';
import { ladderDeadlines } from './calendar';
import { isActive, LEVEL_RANK, type ItemRow } from './rows';
import type { RecordsEnv } from './settings';

/** One thing the clock will do for an item: at `dueAt` (a warning's own time), about `deadline`. */
export interface ClockStep {
  kind: ClockKind;
  dueAt: number;
  deadline: number;
  cycle: number;
}

/** A warning is pointless once the deadline it warns of has passed too: the step itself is recorded instead. */
export const SUPERSEDED_BY: Partial<Record<ClockKind, ClockKind>> = {
  warn_supervisor: 'escalate_supervisor',
  warn_manager: 'escalate_manager',
  warn_answer: 'breach_answer',
};

/** Where an escalation step takes the item. */
export const ESCALATES_TO: Partial<Record<ClockKind, Exclude<Level, 'desk'>>> = {
  escalate_supervisor: 'supervisor',
  escalate_manager: 'manager',
};

export function warningStep(kind: ClockKind, deadline: number, receivedAt: number, env: RecordsEnv): ClockStep[] {
  const lead = env.settings.warnBeforeHours * HOUR;
  if (lead <= 0) return [];
  return [{ kind, dueAt: Math.max(receivedAt, deadline - lead), deadline, cycle: 0 }];
}

/** The ladder's steps still ahead of an open item at its current level. Resolution stops the clock. */
export function ladderSteps(item: ItemRow, env: RecordsEnv): ClockStep[] {
  if (!isActive(item)) return [];
  const { supervisorAt, managerAt } = ladderDeadlines(item.received_at, env.settings, env.calendar);
  const steps: ClockStep[] = [];
  if (LEVEL_RANK[item.level] < LEVEL_RANK.supervisor) {
    steps.push(...warningStep('warn_supervisor', supervisorAt, item.received_at, env));
    steps.push({ kind: 'escalate_supervisor', dueAt: supervisorAt, deadline: supervisorAt, cycle: 0 });
  }
  if (LEVEL_RANK[item.level] < LEVEL_RANK.manager) {
    steps.push(...warningStep('warn_manager', managerAt, item.received_at, env));
    steps.push({ kind: 'escalate_manager', dueAt: managerAt, deadline: managerAt, cycle: 0 });
  }
  return steps;
}
