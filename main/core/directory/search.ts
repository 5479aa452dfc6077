// Tenant search: precomputed lower-case search columns (names, pinyin, pinyin initials, floor, room) matched
// with LIKE, then ranked. An FTS5 table was considered: its unicode61 tokenizer keeps a run of Chinese characters
// as one token (科技 would not find 华信科技) and the trigram tokenizer needs three characters, while a desk
// directory is a few thousand rows at most, so a scan of one column is instant and finds any fragment.
import { anyLike, containsPattern, Where, type ReadableDB } from '../store/sql';
import { pinyin } from 'pinyin-pro';

/** Full-width to half-width, lower case, no spaces: how both the stored text and the query are compared. */
export function searchKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[\s|]+/g, '');
}

function pinyinForms(value: string): string[] {
  if (!/[\u3400-\u9fff]/.test(value)) return [];
  const full = pinyin(value, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const initials = pinyin(value, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const forms = [searchKey(full), searchKey(initials)];
  // ü is typed as v (IME convention) or u: 律师 is found by lvshi and lushi.
  if (full.includes('ü')) forms.push(searchKey(full.replace(/ü/g, 'v')), searchKey(full.replace(/ü/g, 'u')));
  return forms;
}

/** Names with their pinyin and initials: 华信科技 → 华信科技|huaxinkeji|hxkj. */
function nameForms(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (!value) continue;
    out.push(searchKey(value), ...pinyinForms(value));
  }
  return out;
}

function floorForms(floor: string): string[] {
  return [`f:${searchKey(floor)}`];
}

export interface SearchSource {
  name: string;
  nameEn: string;
  displayName: string;
  displayNameEn: string;
  floor: string;
  room: string;
  contactNames: string[];
}

/** What staff search matches: every name, pinyin, floor, room and contact name. */
export function staffSearchText(t: SearchSource): string {
  const parts = [...nameForms([t.name, t.nameEn, t.displayName, t.displayNameEn]), ...floorForms(t.floor)];
  if (t.room) parts.push(`r:${searchKey(t.room)}`);
  parts.push(...nameForms(t.contactNames));
  return `|${parts.filter(Boolean).join('|')}|`;
}

/** What the visitor screen's search matches: display names and floor only (never people's names or rooms). */
export function publicSearchText(t: Pick<SearchSource, 'displayName' | 'displayNameEn' | 'floor'>): string {
  return `|${[...nameForms([t.displayName, t.displayNameEn]), ...floorForms(t.floor)].filter(Boolean).join('|')}|`;
}

/** A query term as stored forms would contain it: 12楼 / 12层 / F12 / 12F all mean floor 12. */
function termPatterns(term: string): string[] {
  const floor = /^(?:f(b?\d+)|(b?\d+)(?:f|楼|层))$/.exec(term);
  if (floor) return [`f:${floor[1] ?? floor[2]}|`];
  return [term];
}


export type TenantRow = {
  id: string;
  kind: 'company' | 'household';
  name: string;
  name_en: string;
  display_name: string;
  display_name_en: string;
  floor: string;
  room: string;
  listed: number;
  active: number;
  notes: string;
  search_text: string;
  public_search_text: string;
  created_at: number;
  updated_at: number;
};

/** Lower is better: exact name, then a name/pinyin beginning with the query, then floor/room, then anywhere. */
function rank(row: TenantRow, terms: string[], column: 'search_text' | 'public_search_text'): number {
  const text = row[column];
  let score = 0;
  for (const term of terms) {
    const names = [row.display_name, row.name, row.display_name_en, row.name_en].map(searchKey);
    if (names.includes(term)) continue;
    if (text.includes(`|${term}`)) score += 1;
    else if (text.includes(`|f:${term}|`) || text.includes(`|r:${term}|`)) score += 2;
    else score += 3;
  }
  return score;
}

function floorOrder(floor: string): number {
  const basement = /^b(\d+)$/i.exec(floor);
  if (basement) return -Number(basement[1]);
  const n = Number.parseInt(floor, 10);
  return Number.isNaN(n) ? 10_000 : n;
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

export interface SearchOptions {
  /** Public search: listed, active tenants, matched on display names and floor only. */
  audience: 'staff' | 'public';
  includeInactive?: boolean;
  limit: number;
}

export function searchTenants(db: ReadableDB, query: string, options: SearchOptions): TenantRow[] {
  const column = options.audience === 'public' ? 'public_search_text' : 'search_text';
  const terms = query
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s|]+/)
    .filter(Boolean);
  const where = new Where();
  if (options.audience === 'public') where.add('active = 1 AND listed = 1');
  else if (!options.includeInactive) where.add('active = 1');
  for (const term of terms) {
    const alternatives = termPatterns(term);
    where.add(anyLike(alternatives.map(() => column)), ...alternatives.map(containsPattern));
  }
  const rows = db
    .prepare(`SELECT * FROM tenants ${where.clause} LIMIT 2000`)
    .all(...where.params) as TenantRow[];
  return rows
    .map((row) => ({ row, score: terms.length ? rank(row, terms, column) : 0 }))
    .sort(
      (a, b) =>
        a.score - b.score ||
        floorOrder(a.row.floor) - floorOrder(b.row.floor) ||
        collator.compare(a.row.display_name, b.row.display_name),
    )
    .slice(0, options.limit)
    .map((r) => r.row);
}
