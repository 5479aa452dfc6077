// Drafts of the quick-entry forms: what a person typed and has not saved yet, kept per person per form in
// this screen's localStorage, so it survives the idle lock, a person switch back, a reload and a renderer crash.
// Only the signed-in person's own drafts are ever read; a saved or discarded form clears its draft.
import { useCallback, useEffect, useRef } from 'react';
import type { FormInstance } from 'antd';

const PREFIX = 'lobbyDesk.draft.v1';
/** A draft nobody came back to within a day is dropped (a shift is at most 12 hours). */
export const DRAFT_MAX_AGE_MS = 24 * 3_600_000;

interface Stored {
  savedAt: number;
  values: Record<string, unknown>;
}

export function draftKey(owner: string, form: string): string {
  return `${PREFIX}:${owner}:${form}`;
}

function hasContent(values: Record<string, unknown>): boolean {
  return Object.values(values).some((v) => {
    if (v === null || v === undefined || v === '') return false;
    if (Array.isArray(v)) return v.length > 0;
    return true;
  });
}

export function readDraft<T = Record<string, unknown>>(owner: string, form: string, now = Date.now()): Partial<T> | null {
  try {
    const raw = localStorage.getItem(draftKey(owner, form));
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    if (!stored || typeof stored.savedAt !== 'number' || now - stored.savedAt > DRAFT_MAX_AGE_MS) {
      localStorage.removeItem(draftKey(owner, form));
      return null;
    }
    return stored.values as Partial<T>;
  } catch {
    return null;
  }
}

export function writeDraft(owner: string, form: string, values: Record<string, unknown>, now = Date.now()): void {
  try {
    // Values that are not plain data (dates, files) are left out: they cannot come back as they were.
    const plain = JSON.parse(JSON.stringify(values, (_k, v: unknown) => (v instanceof File || v instanceof Blob ? undefined : v))) as Record<string, unknown>;
    if (!hasContent(plain)) localStorage.removeItem(draftKey(owner, form));
    else localStorage.setItem(draftKey(owner, form), JSON.stringify({ savedAt: now, values: plain } satisfies Stored));
  } catch {
    /* storage full or unavailable: the form still works, only without a draft */
  }
}

export function clearDraft(owner: string, form: string): void {
  try {
    localStorage.removeItem(draftKey(owner, form));
  } catch {
    /* nothing to clear */
  }
}

export interface FormDraft {
  /** Pass to the Form's `onValuesChange` (or call after setFieldsValue): stores what the form holds now. */
  keep(): void;
  /** After a save or an explicit discard. */
  clear(): void;
}

/**
 * Keeps `form`'s values as `owner`'s draft `name` (null: no draft, e.g. a closed modal). On mount, or when the
 * owner or name changes, a stored draft is put back into the form (`onRestored` is told, e.g. to show a hint).
 */
export function useFormDraft<T>(form: FormInstance<T>, owner: string | undefined, name: string | null, onRestored?: (values: Partial<T>) => void): FormDraft {
  const restoredRef = useRef(onRestored);
  restoredRef.current = onRestored;
  const active = useRef<{ owner: string; name: string } | null>(null);
  active.current = owner && name ? { owner, name } : null;

  useEffect(() => {
    if (!owner || !name) return;
    const draft = readDraft<T>(owner, name);
    if (draft) {
      form.setFieldsValue(draft as Parameters<FormInstance<T>['setFieldsValue']>[0]);
      restoredRef.current?.(draft);
    }
  }, [form, owner, name]);

  const keep = useCallback(() => {
    const target = active.current;
    if (!target) return;
    writeDraft(target.owner, target.name, form.getFieldsValue(true) as Record<string, unknown>);
  }, [form]);

  const clear = useCallback(() => {
    const target = active.current;
    if (target) clearDraft(target.owner, target.name);
  }, []);

  return { keep, clear };
}
