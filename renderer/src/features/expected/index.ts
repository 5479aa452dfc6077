// What other features use of expected visitors: the lobby panel, the visitor screen's invitation flow and the
// settings form (管理).
export { ExpectedPanel } from './ExpectedPanel';
export { InvitationFlow } from './kiosk/InvitationFlow';
export { ExpectedSettingsForm } from './ExpectedSettingsForm';
