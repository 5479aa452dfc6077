// What a check of the trail found: problems (something broken), notices (worth knowing), anchors compared.
import type { AnchorCheck, TrailNotice, TrailProblem, TrailReport } from '../../../shared/contract/audit';

const PROBLEM_LIMIT = 200;

export class Report {
  readonly problems: TrailProblem[] = [];
  problemCount = 0;
  readonly notices: TrailNotice[] = [];
  readonly anchors: AnchorCheck[] = [];
  unverified = false;

  problem(p: TrailProblem): void {
    this.problemCount += 1;
    if (this.problems.length < PROBLEM_LIMIT) this.problems.push(p);
  }
}

/** A report of one thing that went wrong before any entry could be checked (a file not opened, a check that threw). */
export function failedReport(code: string, detail: string, scope: TrailReport['scope'] = 'full'): TrailReport {
  return {
    ok: false,
    state: 'broken',
    scope,
    fromSeq: 1,
    entries: 0,
    authenticated: 0,
    head: null,
    problems: [{ code, detail }],
    problemCount: 1,
    anchors: [],
    notices: [],
    tables: null,
    content: null,
    triggers: 0,
  };
}
