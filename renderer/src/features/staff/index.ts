// What other features use of staff: the admin tab.
export { StaffAdmin } from './StaffAdmin';
