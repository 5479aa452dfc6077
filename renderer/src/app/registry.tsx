// Where features plug into the shell: staff pages (routes + navigation) and lobby panels. One line per feature.
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/contract/define';
import { AdminPage } from '../features/settings/AdminPage';
import { CallLogPage } from '../features/calls/CallLogPage';
import { PhonePanel } from '../features/calls/PhonePanel';
import { PHONE_DESK } from '../../../shared/contract/calls';
import { RecordsPage } from '../features/records/RecordsPage';
import { AuditPage as RecordsAuditPage } from '../features/records/AuditPage';
import { ReviewPage as RecordsReviewPage } from '../features/records/ReviewPage';
import { LobbyRecordsPanel } from '../features/records/LobbyPanel';
import { RecordsShell } from '../features/records/RecordsShell';
import { RECORD_DESK, RECORD_READERS } from '../../../shared/contract/records';
import { DESK, STAFF } from '../../../shared/contract/define';
import { VISITOR_DESK } from '../../../shared/contract/visitors';
import { DeskRegistration } from '../features/visitors/DeskRegistration';
import { VisitorsBoard } from '../features/visitors/VisitorsBoard';
import { VisitorsPage } from '../features/visitors/VisitorsPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { CallbacksPanel } from '../features/callbacks/CallbacksPanel';
import { NoticesPage } from '../features/notices/NoticesPage';
import { NoticesPanel } from '../features/notices/NoticesPanel';

export interface StaffPage {
  /** Hash route, e.g. 'records' → #/records; also the `common:nav.<key>` label. */
  path: string;
  element: ReactNode;
  roles: readonly Role[];
}

export interface LobbyPanel {
  key: string;
  element: ReactNode;
  roles: readonly Role[];
  /** Columns out of 24 on a wide lobby screen. */
  span: number;
}

/** Mounted once around every staff screen for the roles listed: listeners, global drawers, shortcuts. */
export interface ShellAddOn {
  key: string;
  element: ReactNode;
  roles: readonly Role[];
}

export const staffPages: StaffPage[] = [
  { path: 'visitors', element: <VisitorsPage />, roles: DESK },
  { path: 'records', element: <RecordsPage />, roles: RECORD_READERS },
  { path: 'calls', element: <CallLogPage />, roles: PHONE_DESK },
  { path: 'directory', element: <DirectoryPage />, roles: STAFF },
  { path: 'notices', element: <NoticesPage />, roles: STAFF },
  { path: 'records-audit', element: <RecordsAuditPage />, roles: ['supervisor', 'manager'] },
  { path: 'records-review', element: <RecordsReviewPage />, roles: ['manager', 'supervisor', 'admin'] },
  { path: 'admin', element: <AdminPage />, roles: ['admin'] },
];

export const lobbyPanels: LobbyPanel[] = [
  { key: 'visitor-desk', element: <DeskRegistration />, roles: VISITOR_DESK, span: 9 },
  { key: 'visitors', element: <VisitorsBoard />, roles: VISITOR_DESK, span: 15 },
  { key: 'calls', element: <PhonePanel />, roles: PHONE_DESK, span: 12 },
  { key: 'records', element: <LobbyRecordsPanel />, roles: RECORD_DESK, span: 12 },
  { key: 'callbacks', element: <CallbacksPanel />, roles: DESK, span: 15 },
  { key: 'notices', element: <NoticesPanel />, roles: STAFF, span: 9 },
];

export const shellAddOns: ShellAddOn[] = [{ key: 'records', element: <RecordsShell />, roles: RECORD_READERS }];
