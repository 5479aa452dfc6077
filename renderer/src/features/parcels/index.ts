// What other features use of the parcel desk: the lobby panel and the settings form (管理).
export { ParcelsPanel } from './ParcelsPanel';
export { ParcelSettingsForm } from './ParcelSettingsForm';
