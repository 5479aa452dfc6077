// What a check of the trail found: problems (something broken), notices (worth knowing), anchors compared.
import type { AnchorCheck, TrailNotice, TrailProblem } from '../../../shared/contract/audit';

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
