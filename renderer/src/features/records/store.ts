// The records screens' shared state: building time zone and settings, who can be named in a complaint, the item
// open in the detail drawer, the quick-entry form, and a change counter that lists and panels refresh on.
import { create } from 'zustand';
import { api } from '../../api/client';
import type { ItemType, RecordDetail, RecordsSettings } from '../../../../shared/contract/records';
import type { Call, SaveCallInput } from '../../../../shared/contract/calls';
import { DEFAULT_TIME_ZONE } from '../../../../shared/rules/time';

interface StaffChoice {
  id: string;
  name: string;
  role: string;
  department: string | null;
}

/** What the quick-entry form starts with when another screen opens it (the phone desk's call). */
export interface RecordPrefill {
  type?: ItemType;
  ownerName?: string;
  ownerPhone?: string;
  unit?: string;
  tenantId?: string | null;
  tenantName?: string | null;
  matter?: string;
}

export interface NewRecordOptions {
  prefill?: RecordPrefill;
  /** Made from this call: saved through `calls.toRecord`, which links the two both ways (channel phone). */
  fromCall?: Call;
  /**
   * The call's record as typed on the lobby, not yet saved: `calls.toRecord` saves it with the item in one
   * transaction, so cancelling this form leaves the call as it was (P-3).
   */
  saveCall?: Omit<SaveCallInput, 'id'>;
  /** After saving from a call: the call as linked. */
  onLinked?(call: Call): void;
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
  /** How the quick-entry form was opened (empty: a new walk-in entry). */
  newFrom: NewRecordOptions;
  /** The item this screen changed last and when: its own change needs no "assigned" notice here. */
  ownChange: { itemId: string; at: number } | null;
  loadBasics(withStaff: boolean): Promise<void>;
  openItem(id: string): Promise<void>;
  closeItem(): void;
  setDetail(detail: RecordDetail): void;
  reloadDetail(): Promise<void>;
  changed(itemId: string): void;
  openNew(options?: NewRecordOptions): void;
  closeNew(): void;
}

export const useRecords = create<RecordsState>((set, get) => ({
  timeZone: DEFAULT_TIME_ZONE,
  settings: null,
  staff: [],
  version: 0,
  selectedId: null,
  detail: null,
  newOpen: false,
  newFrom: {},
  ownChange: null,

  async loadBasics(withStaff) {
    const [building, settings, staff] = await Promise.all([
      api.settings.building({}).catch(() => null),
      api.records.settings({}),
      withStaff ? api.records.staffChoices({}).then((r) => r.people) : Promise.resolve([]),
    ]);
    set({ timeZone: building?.timeZone ?? DEFAULT_TIME_ZONE, settings, staff });
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

  openNew(options = {}) {
    set({ newOpen: true, newFrom: options });
  },

  closeNew() {
    set({ newOpen: false });
  },
}));
