// The watch list (V-6): people not to admit. Matching ignores width (full-width digits and letters), spaces,
// separators and case, so 张 三, １３８００１３８０００ and a lower-case x in an ID number all still match.
// A match is shown to the desk only; the visitor screen's answers do not change.
//
// ID and document numbers are never kept in full (X-7, V-1): the table holds a keyed hash to match on
// (HMAC-SHA256 with the installation's `watch-list` key, which is not in the database) and the masked form to
// show. Whoever has the database file alone cannot recover the numbers, nor test guesses against them.
import type { ReadableDB } from '../store/sql';
import { mobileKey } from '../../../shared/rules/phone';
import { createHmac } from 'node:crypto';
import { newId } from '../ids';
import type { FeatureHandlers } from '../context';
import type { KeyRing } from '../keyring';
import { NotFoundError, ValidationError } from '../errors';
import type { WatchEntry, WatchMatch } from '../../../shared/contract/visitors';
import { maskDocumentNumber, normalizeIdNumber, upgradeLegacyIdNumber } from '../../../shared/rules/id-number';

export function nameKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[\s·•・.'’_-]/g, '');
}


/** The form a document number is matched in; a first-generation 15-digit ID number in its 18-character form. */
export function documentKey(value: string): string {
  const normalized = normalizeIdNumber(value);
  return upgradeLegacyIdNumber(normalized) ?? normalized;
}

/** The keyed hash a document number is matched by ('' for no number). */
export function documentMac(keys: Pick<KeyRing, 'key'>, value: string): string {
  const key = documentKey(value);
  return key === '' ? '' : createHmac('sha256', keys.key('watch-list')).update(key, 'utf8').digest('hex');
}

/** The masked form shown for a document number. */
export function documentMasked(value: string): string {
  return maskDocumentNumber(documentKey(value));
}

type WatchRow = {
  id: string;
  name: string;
  name_key: string;
  mobile: string;
  id_number_mac: string;
  id_number_masked: string;
  reason: string;
  active: number;
  created_at: number;
  created_by: string;
  updated_at: number;
};

export interface WatchProbe {
  visitorName?: string | null;
  mobile?: string | null;
  idNumber?: string | null;
}

/** Every active entry matching any of the probe's details, with which details matched. */
export function matchWatchList(ctx: { db: ReadableDB; keys: Pick<KeyRing, 'key'> }, probe: WatchProbe): WatchMatch[] {
  const name = probe.visitorName ? nameKey(probe.visitorName) : '';
  const mobile = probe.mobile ? mobileKey(probe.mobile) : '';
  const doc = probe.idNumber ? documentMac(ctx.keys, probe.idNumber) : '';
  if (!name && !mobile && !doc) return [];
  const rows = ctx.db
    .prepare(
      `SELECT * FROM watch_list WHERE active = 1 AND ((name_key <> '' AND name_key = ?) OR (mobile <> '' AND mobile = ?) OR (id_number_mac <> '' AND id_number_mac = ?))
       ORDER BY created_at`,
    )
    .all(name, mobile, doc) as WatchRow[];
  return rows.map((row) => {
    const fields: WatchMatch['fields'] = [];
    if (name && row.name_key === name) fields.push('name');
    if (mobile && row.mobile === mobile) fields.push('mobile');
    if (doc && row.id_number_mac === doc) fields.push('idNumber');
    return { entryId: row.id, reason: row.reason, fields };
  });
}

/** Stored matches of a visit, with the entries' current reasons. */
export function storedMatches(db: ReadableDB, json: string): WatchMatch[] {
  const stored = JSON.parse(json) as Array<{ entryId: string; fields: WatchMatch['fields'] }>;
  if (stored.length === 0) return [];
  const reason = db.prepare('SELECT reason FROM watch_list WHERE id = ?');
  return stored.map((m) => ({ entryId: m.entryId, fields: m.fields, reason: (reason.get(m.entryId) as { reason: string } | undefined)?.reason ?? '' }));
}

export function matchesJson(matches: WatchMatch[]): string {
  return JSON.stringify(matches.map((m) => ({ entryId: m.entryId, fields: m.fields })));
}

function toEntry(row: WatchRow): WatchEntry {
  return {
    id: row.id,
    name: row.name,
    mobile: row.mobile,
    idNumberMasked: row.id_number_masked,
    reason: row.reason,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

type WatchHandlers = Pick<FeatureHandlers<'visitors'>, 'watchList' | 'addWatch' | 'updateWatch' | 'watchCheck'>;

export const watchListHandlers: WatchHandlers = {
  watchList: (ctx, input) => ({
    entries: (
      ctx.db.prepare(`SELECT * FROM watch_list ${input.includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, created_at DESC`).all() as WatchRow[]
    ).map(toEntry),
  }),

  addWatch: (ctx, input) => {
    const row: WatchRow = {
      id: newId(ctx.now),
      name: input.name,
      name_key: nameKey(input.name),
      mobile: input.mobile ? mobileKey(input.mobile) : '',
      id_number_mac: documentMac(ctx.keys, input.idNumber),
      id_number_masked: input.idNumber ? documentMasked(input.idNumber) : '',
      reason: input.reason,
      active: 1,
      created_at: ctx.now,
      created_by: ctx.actor.id ?? '',
      updated_at: ctx.now,
    };
    if (!row.name_key && !row.mobile && !row.id_number_mac) throw ValidationError.field('name', 'visitors:error.watchEmpty');
    ctx.tx.insert('watch_list', row);
    return toEntry(row);
  },

  updateWatch: (ctx, input) => {
    const row = ctx.tx.get<WatchRow>('watch_list', input.id);
    if (!row) throw new NotFoundError('visitors:error.watchNotFound');
    const patch: Record<string, unknown> = {};
    if (input.reason !== undefined) patch.reason = input.reason;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    const { after } = ctx.tx.update<WatchRow>('watch_list', input.id, { ...patch, updated_at: ctx.now });
    return toEntry(after);
  },

  watchCheck: (ctx, input) => ({ matches: matchWatchList(ctx, input) }),
};
