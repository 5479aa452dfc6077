// What other features use of shifts: the checklist editor (the handover page edits the shift's checklist).
export { ChecklistEditor } from './ChecklistEditor';
