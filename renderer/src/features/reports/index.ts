// What other features use of reports: a link to the report of a day or a week (the daily audit, the weekly review).
export { ReportLink } from './ReportLink';
