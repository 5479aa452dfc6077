// Where features plug into the shell: staff pages (routes + navigation) and lobby panels. One line per feature.
import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  FileTextOutlined,
  KeyOutlined,
  NotificationOutlined,
  PhoneOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '../../../shared/contract/define';
import { AdminPage } from '../features/settings/AdminPage';
import { CallLogPage } from '../features/calls/CallLogPage';
import { CallFiguresPanel, PhonePanel } from '../features/calls/PhonePanel';
import { CALL_TO_CALLBACK, PHONE_DESK } from '../../../shared/contract/calls';
import { CallsShell } from '../features/calls/CallsShell';
import { RingHotkey } from '../features/calls/use-phone-keys';
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
import { PendingBoard } from '../features/visitors/PendingBoard';
import { VisitorsPage } from '../features/visitors/VisitorsPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { CallbacksPanel } from '../features/callbacks/CallbacksPanel';
import { NoticesPage } from '../features/notices/NoticesPage';
import { NoticesPanel } from '../features/notices/NoticesPanel';
import { DUTY } from '../../../shared/contract/shifts';
import { INCIDENT_ROLES } from '../../../shared/contract/incidents';
import { KEY_ROLES } from '../../../shared/contract/keys';
import { HANDOVER_READERS } from '../../../shared/contract/handover';
import { ShiftPanel } from '../features/shifts/ShiftPanel';
import { DiaryPage } from '../features/shifts/DiaryPage';
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { IncidentsPanel } from '../features/incidents/IncidentsPanel';
import { KeysPage } from '../features/keys/KeysPage';
import { KeysPanel } from '../features/keys/KeysPanel';
import { HandoverPage } from '../features/handover/HandoverPage';
import { PendingPanel } from '../features/handover/PendingPanel';
import { ExpectedPanel } from '../features/expected';
import { ParcelsPanel } from '../features/parcels';
import { ReportsPage } from '../features/reports/ReportsPage';
import { REPORT_READERS } from '../../../shared/contract/reports';
import { AuditWork, EscalationsWork, ForwardedWork, OwnedWork, ReviewWork } from '../features/landing/RecordsWork';

export interface StaffPage {
  /** Hash route, e.g. 'records' → #/records; also the `common:nav.<key>` label. */
  path: string;
  element: ReactNode;
  roles: readonly Role[];
  /** The navigation's icon. */
  icon: ReactNode;
  /** For these roles this page is where their work is: someone signing in here stays (the guard handed the desk). */
  workFor?: readonly Role[];
}

export interface LobbyPanel {
  key: string;
  element: ReactNode;
  roles: readonly Role[];
  /** Columns out of 24 on a wide lobby screen. */
  span: number;
  /**
   * The roles whose work this panel is: for them it stands first, under "My work", where they land after signing
   * in. The receptionist's lobby has no such row (the whole lobby is their work).
   */
  workFor?: readonly Role[];
  /**
   * Where it stands on the desk's one-screen lobby (roles without a "My work" row): the shift line across the top,
   * then three columns — act now (ordered by urgency), registration, and the lists that grow.
   */
  zone: LobbyZone;
  /** Held at the top of its column while the rest of the column scrolls under it (the ring timer). */
  pinned?: boolean;
}

export type LobbyZone = 'bar' | 'now' | 'entry' | 'lists';

/** Mounted once around every staff screen for the roles listed: listeners, global drawers, shortcuts. */
export interface ShellAddOn {
  key: string;
  element: ReactNode;
  roles: readonly Role[];
}

export const staffPages: StaffPage[] = [
  { path: 'visitors', element: <VisitorsPage />, roles: DESK, icon: <TeamOutlined /> },
  { path: 'directory', element: <DirectoryPage />, roles: STAFF, icon: <ApartmentOutlined /> },
  { path: 'notices', element: <NoticesPage />, roles: STAFF, icon: <NotificationOutlined /> },
  { path: 'records', element: <RecordsPage />, roles: RECORD_READERS, icon: <FileTextOutlined /> },
  { path: 'records-audit', element: <RecordsAuditPage />, roles: ['supervisor', 'manager'], icon: <AuditOutlined /> },
  { path: 'records-review', element: <RecordsReviewPage />, roles: ['manager', 'supervisor', 'admin'], icon: <CalendarOutlined /> },
  { path: 'reports', element: <ReportsPage />, roles: REPORT_READERS, icon: <BarChartOutlined /> },
  { path: 'calls', element: <CallLogPage />, roles: PHONE_DESK, icon: <PhoneOutlined /> },
  { path: 'incidents', element: <IncidentsPage />, roles: INCIDENT_ROLES, icon: <AlertOutlined /> },
  { path: 'keys', element: <KeysPage />, roles: KEY_ROLES, icon: <KeyOutlined /> },
  { path: 'handover', element: <HandoverPage />, roles: HANDOVER_READERS, icon: <SwapOutlined />, workFor: ['security'] },
  { path: 'diary', element: <DiaryPage />, roles: [...DUTY, 'admin'], icon: <BookOutlined /> },
  { path: 'admin', element: <AdminPage />, roles: ['admin'], icon: <SettingOutlined /> },
];

export const lobbyPanels: LobbyPanel[] = [
  { key: 'work-audit', element: <AuditWork />, roles: ['supervisor'], span: 8, workFor: ['supervisor'], zone: 'now' },
  { key: 'work-owned', element: <OwnedWork />, roles: ['supervisor', 'manager'], span: 8, workFor: ['supervisor', 'manager'], zone: 'now' },
  { key: 'work-escalations', element: <EscalationsWork />, roles: ['supervisor'], span: 8, workFor: ['supervisor'], zone: 'now' },
  { key: 'work-review', element: <ReviewWork />, roles: ['manager'], span: 8, workFor: ['manager'], zone: 'now' },
  { key: 'work-forwarded', element: <ForwardedWork />, roles: ['department'], span: 24, workFor: ['department'], zone: 'now' },
  { key: 'shift', element: <ShiftPanel />, roles: DUTY, span: 24, zone: 'bar' },
  { key: 'handover-pending', element: <PendingPanel />, roles: ['security', 'supervisor', 'manager'], span: 24, workFor: ['security'], zone: 'now' },
  // Act now, most urgent first: a ringing line, a visitor awaiting confirmation, escalations, callbacks due.
  { key: 'calls', element: <PhonePanel />, roles: PHONE_DESK, span: 12, zone: 'now', pinned: true },
  { key: 'visitors-pending', element: <PendingBoard />, roles: VISITOR_DESK, span: 24, workFor: ['security'], zone: 'now' },
  { key: 'records', element: <LobbyRecordsPanel />, roles: RECORD_DESK, span: 12, zone: 'now' },
  { key: 'callbacks', element: <CallbacksPanel />, roles: DESK, span: 15, zone: 'now' },
  { key: 'visitor-desk', element: <DeskRegistration />, roles: VISITOR_DESK, span: 9, zone: 'entry' },
  { key: 'expected', element: <ExpectedPanel />, roles: VISITOR_DESK, span: 9, zone: 'entry' },
  { key: 'parcels', element: <ParcelsPanel />, roles: VISITOR_DESK, span: 15, zone: 'entry' },
  { key: 'visitors', element: <VisitorsBoard />, roles: VISITOR_DESK, span: 15, workFor: ['security'], zone: 'lists' },
  { key: 'call-figures', element: <CallFiguresPanel />, roles: PHONE_DESK, span: 12, zone: 'lists' },
  { key: 'notices', element: <NoticesPanel />, roles: STAFF, span: 9, zone: 'lists' },
  { key: 'incidents', element: <IncidentsPanel />, roles: INCIDENT_ROLES, span: 12, zone: 'lists' },
  { key: 'keys', element: <KeysPanel />, roles: KEY_ROLES, span: 12, zone: 'lists' },
];

export const shellAddOns: ShellAddOn[] = [
  { key: 'records', element: <RecordsShell />, roles: RECORD_READERS },
  { key: 'calls', element: <CallsShell />, roles: CALL_TO_CALLBACK },
  { key: 'ring-hotkey', element: <RingHotkey />, roles: PHONE_DESK },
];
