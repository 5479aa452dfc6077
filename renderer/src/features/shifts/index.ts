// What other features use of shifts: the checklist editor (the handover template is a checklist too) and the
// opening check's form (mounted in 管理).
export { ChecklistEditor } from './ChecklistEditor';
export { OpeningCheckForm } from './OpeningCheckForm';
