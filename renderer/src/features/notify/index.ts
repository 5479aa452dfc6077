// What other features use of host notification: the state tags shown on a visit, parcel or invitation.
export { NotificationTags } from './NotificationTags';
export { NotifyAdmin } from './NotifyAdmin';
