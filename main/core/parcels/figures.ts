// Parcel figures for a span (reports, X-4): what was logged (by kind), collected, and what is held or uncollected now.
import type { ReadableDB } from '../store/sql';
import { DAY } from '../../../shared/rules/time';
import type { ParcelFigures } from '../../../shared/contract/parcels';
import { parcelSettings } from './rows';

export function parcelFigures(db: ReadableDB, from: number, to: number, now: number): ParcelFigures {
  const logged = db
    .prepare("SELECT COUNT(*) AS n, SUM(kind = 'parcel') AS parcels, SUM(kind = 'food') AS food FROM parcels WHERE logged_at >= ? AND logged_at < ?")
    .get(from, to) as { n: number; parcels: number | null; food: number | null };
  const waits = (db.prepare('SELECT collected_at - logged_at AS ms FROM parcels WHERE collected_at >= ? AND collected_at < ? ORDER BY ms').all(from, to) as Array<{ ms: number }>).map(
    (r) => r.ms,
  );
  const days = parcelSettings(db).uncollectedDays;
  const held = db.prepare("SELECT COUNT(*) AS n, SUM(logged_at <= ?) AS old FROM parcels WHERE status = 'held'").get(now - days * DAY) as { n: number; old: number | null };
  const median = waits.length === 0 ? null : waits.length % 2 ? waits[(waits.length - 1) / 2]! : (waits[waits.length / 2 - 1]! + waits[waits.length / 2]!) / 2;
  return {
    logged: logged.n,
    parcels: logged.parcels ?? 0,
    food: logged.food ?? 0,
    collected: waits.length,
    heldNow: held.n,
    uncollectedNow: held.old ?? 0,
    medianHoursToPickup: median === null ? null : Math.round((median / 3_600_000) * 10) / 10,
  };
}
