// What other features use of the parcel desk: the lobby panel.
export { ParcelsPanel } from './ParcelsPanel';
