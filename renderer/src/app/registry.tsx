// Where features plug into the shell: staff pages (routes + navigation) and lobby panels. One line per feature.
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/contract/define';
import { AdminPage } from '../features/settings/AdminPage';
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

export const staffPages: StaffPage[] = [
  { path: 'incidents', element: <IncidentsPage />, roles: INCIDENT_ROLES },
  { path: 'keys', element: <KeysPage />, roles: KEY_ROLES },
  { path: 'handover', element: <HandoverPage />, roles: HANDOVER_READERS },
  { path: 'diary', element: <DiaryPage />, roles: [...DUTY, 'admin'] },
  { path: 'admin', element: <AdminPage />, roles: ['admin'] },
];

export const lobbyPanels: LobbyPanel[] = [
  { key: 'shift', element: <ShiftPanel />, roles: DUTY, span: 24 },
  { key: 'handover-pending', element: <PendingPanel />, roles: ['security', 'supervisor', 'manager'], span: 24 },
  { key: 'incidents', element: <IncidentsPanel />, roles: INCIDENT_ROLES, span: 12 },
  { key: 'keys', element: <KeysPanel />, roles: KEY_ROLES, span: 12 },
];
