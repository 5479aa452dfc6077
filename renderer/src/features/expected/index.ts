// What other features use of expected visitors: the lobby panel and the visitor screen's invitation flow.
export { ExpectedPanel } from './ExpectedPanel';
export { InvitationFlow } from './kiosk/InvitationFlow';
