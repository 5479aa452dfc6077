// What other features use of the phone desk: its settings form on the admin page.
export { CallSettingsForm } from './CallSettingsForm';
