// Read functions over notices for other features: the visitor screen's welcome and the shift handover.
import type { ReadableDB } from '../store/sql';
import type { Notice } from '../../../shared/contract/notices';

export type NoticeRow = {
  id: string;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  public: number;
  target: 'all' | 'building' | 'unit';
  target_value: string;
  active_from: number;
  active_until: number | null;
  withdrawn_at: number | null;
  withdrawn_by: string | null;
  created_at: number;
  created_by: string;
  updated_at: number;
};

const CURRENT = 'withdrawn_at IS NULL AND active_from <= @now AND (active_until IS NULL OR active_until > @now)';

export function isCurrent(row: Pick<NoticeRow, 'withdrawn_at' | 'active_from' | 'active_until'>, now: number): boolean {
  return row.withdrawn_at === null && row.active_from <= now && (row.active_until === null || row.active_until > now);
}

export function toNotice(row: NoticeRow & { created_by_name: string | null }, now: number): Notice {
  return {
    id: row.id,
    title: row.title,
    titleEn: row.title_en,
    body: row.body,
    bodyEn: row.body_en,
    public: row.public === 1,
    target: row.target,
    targetValue: row.target_value,
    activeFrom: row.active_from,
    activeUntil: row.active_until,
    withdrawnAt: row.withdrawn_at,
    current: isCurrent(row, now),
    createdAt: row.created_at,
    createdByName: row.created_by_name ?? '',
  };
}

export const NOTICE_SELECT = 'SELECT n.*, s.name AS created_by_name FROM notices n LEFT JOIN staff s ON s.id = n.created_by';

/** Current public notices for everyone or the building: what the visitor screen's welcome shows (V-5). */
export function activePublicNotices(db: ReadableDB, now: number): NoticeRow[] {
  return db
    .prepare(`SELECT * FROM notices WHERE ${CURRENT} AND public = 1 AND target IN ('all','building') ORDER BY active_from DESC, id DESC LIMIT 5`)
    .all({ now }) as NoticeRow[];
}

/** Every current notice (public or not), newest first: for the shift handover (S-1). */
export function activeNotices(db: ReadableDB, now: number): Notice[] {
  return (db.prepare(`${NOTICE_SELECT} WHERE ${CURRENT.replace(/(withdrawn_at|active_from|active_until)/g, 'n.$1')} ORDER BY n.active_from DESC, n.id DESC`).all({ now }) as Array<
    NoticeRow & { created_by_name: string | null }
  >).map((r) => toNotice(r, now));
}
