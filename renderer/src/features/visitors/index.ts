// What other features use of the visitor desk: its settings form on the admin page.
export { VisitorSettingsForm } from './VisitorSettingsForm';
