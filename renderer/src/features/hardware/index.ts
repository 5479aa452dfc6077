// What other features use of the desk's hardware: the admin tab.
export { HardwareAdmin } from './HardwareAdmin';
