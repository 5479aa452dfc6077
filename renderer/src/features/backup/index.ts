// What other features use of backups: the admin tab.
export { BackupAdmin } from './BackupAdmin';
