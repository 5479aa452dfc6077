// What other features use of the installation: the admin tab.
export { InstallationAdmin } from './InstallationAdmin';
