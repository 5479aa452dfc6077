// Where features plug into the shell: staff pages (routes + navigation) and lobby panels. One line per feature.
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/contract/define';
import { AdminPage } from '../features/settings/AdminPage';
import { CallLogPage } from '../features/calls/CallLogPage';
import { PhonePanel } from '../features/calls/PhonePanel';
import { PHONE_DESK } from '../../../shared/contract/calls';

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
  { path: 'calls', element: <CallLogPage />, roles: PHONE_DESK },
  { path: 'admin', element: <AdminPage />, roles: ['admin'] },
];

export const lobbyPanels: LobbyPanel[] = [{ key: 'calls', element: <PhonePanel />, roles: PHONE_DESK, span: 12 }];
