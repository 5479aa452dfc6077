// The drafts of the desk's quick-entry forms, against a Storage with the browser's semantics.
import { beforeEach, describe, expect, it } from 'vitest';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

const storage = new MemoryStorage();
(globalThis as { localStorage?: Storage }).localStorage = storage;
const { clearDraft, draftKey, readDraft, writeDraft, DRAFT_MAX_AGE_MS } = await import('../../../renderer/src/ui/drafts');

describe('drafts', () => {
  beforeEach(() => storage.clear());

  it('X-2 a draft is kept per person per form and read back only for that person', () => {
    writeDraft('staff-a', 'call:1', { callerName: '周女士', note: '空调噪音' }, 1_000);
    expect(readDraft('staff-a', 'call:1', 2_000)).toEqual({ callerName: '周女士', note: '空调噪音' });
    expect(readDraft('staff-b', 'call:1', 2_000)).toBeNull();
    expect(readDraft('staff-a', 'call:2', 2_000)).toBeNull();
    expect(storage.getItem(draftKey('staff-a', 'call:1'))).toContain('周女士');
  });

  it('X-2 a form emptied, saved or discarded leaves no draft', () => {
    writeDraft('staff-a', 'visitor', { visitorName: '钱七', partySize: 1 }, 1_000);
    writeDraft('staff-a', 'visitor', { visitorName: '', tenantId: null, hosts: [] }, 1_100);
    expect(storage.length).toBe(0);
    writeDraft('staff-a', 'visitor', { visitorName: '钱七' }, 1_200);
    clearDraft('staff-a', 'visitor');
    expect(readDraft('staff-a', 'visitor', 1_300)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('X-2 a draft nobody came back to within a day is dropped when read', () => {
    writeDraft('staff-a', 'incident:new', { place: '地下车库 B2' }, 0);
    expect(readDraft('staff-a', 'incident:new', DRAFT_MAX_AGE_MS)).toEqual({ place: '地下车库 B2' });
    expect(readDraft('staff-a', 'incident:new', DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('X-2 a damaged stored draft is no draft, and the form still works', () => {
    storage.setItem(draftKey('staff-a', 'call:1'), '{not json');
    expect(readDraft('staff-a', 'call:1')).toBeNull();
    storage.setItem(draftKey('staff-a', 'call:1'), JSON.stringify({ values: { note: 'x' } }));
    expect(readDraft('staff-a', 'call:1')).toBeNull();
  });
});
