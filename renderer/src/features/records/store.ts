// The records screens' shared state: building time zone and settings, who can be named in a complaint, the item
// open in the detail drawer, the quick-entry form, and a change counter that lists and panels refresh on.
import { create } from 'zustand';
import { api } from '../../api/client';
import type { RecordDetail, RecordsSettings } from '../../../../shared/contract/records';

interface StaffChoice {
  id: string;
  name: string;
  role: string;
  department: string | null;
}

interface RecordsState {
  timeZone: string;
  settings: RecordsSettings | null;
  staff: StaffChoice[];
  /** Bumped whenever an item changes anywhere (pushed `records.changed`): views reload. */
  version: number;
  selectedId: string | null;
  detail: RecordDetail | null;
  newOpen: boolean;
  /** The item this screen changed last and when: its own change needs no "assigned" notice here. */
  ownChange: { itemId: string; at: number } | null;
  loadBasics(withStaff: boolean): Promise<void>;
  openItem(id: string): Promise<void>;
  closeItem(): void;
  setDetail(detail: RecordDetail): void;
  reloadDetail(): Promise<void>;
  changed(itemId: string): void;
  openNew(): void;
  closeNew(): void;
}

export const useRecords = create<RecordsState>((set, get) => ({
  timeZone: 'Asia/Shanghai',
  settings: null,
  staff: [],
  version: 0,
  selectedId: null,
  detail: null,
  newOpen: false,
  ownChange: null,

  async loadBasics(withStaff) {
    const [building, settings, staff] = await Promise.all([
      api.settings.building({}).catch(() => null),
      api.records.settings({}),
      withStaff ? api.records.staffChoices({}).then((r) => r.people) : Promise.resolve([]),
    ]);
    set({ timeZone: building?.timeZone ?? 'Asia/Shanghai', settings, staff });
  },

  async openItem(id) {
    set({ selectedId: id });
    const detail = await api.records.get({ id });
    if (get().selectedId === id) set({ detail });
  },

  closeItem() {
    set({ selectedId: null, detail: null });
  },

  setDetail(detail) {
    set({ detail, selectedId: detail.id, version: get().version + 1, ownChange: { itemId: detail.id, at: Date.now() } });
  },

  async reloadDetail() {
    const id = get().selectedId;
    if (!id) return;
    try {
      const detail = await api.records.get({ id });
      if (get().selectedId === id) set({ detail });
    } catch {
      /* gone from this person's view (e.g. forwarded away from their department) */
    }
  },

  changed(itemId) {
    set({ version: get().version + 1 });
    if (get().selectedId === itemId) void get().reloadDetail();
  },

  openNew() {
    set({ newOpen: true });
  },

  closeNew() {
    set({ newOpen: false });
  },
}));
