// The fallback reader: a vendor's reader service on this PC (HTTP on localhost), for readers without a serial
// mode. Services differ in detail; the fields are taken by the names the common ones use (partyName /
// certNumber / identityPic …, or name / idNumber / photo), sex as 男/女 or 1/2, dates as YYYYMMDD. A decoded photo
// (JPEG, PNG or BMP as base64) is passed on; the desk keeps it only with the visitor's consent.
import { DeviceError } from '../adapter';
import { cardDate, NATIONS, type CardRead } from './card';

const FIELDS = {
  name: ['partyName', 'name', 'Name', 'xm'],
  idNumber: ['certNumber', 'idNumber', 'IDCode', 'cardNo', 'sfzh'],
  sex: ['gender', 'sex', 'Sex', 'xb'],
  nation: ['nation', 'Nation', 'mz'],
  birthDate: ['bornDay', 'birthday', 'born', 'birthDate', 'csrq'],
  address: ['certAddress', 'address', 'Address', 'zz'],
  authority: ['certOrg', 'police', 'issuingAuthority', 'department', 'qfjg'],
  validFrom: ['effDate', 'validFrom', 'userLifeBegin', 'yxqStart'],
  validUntil: ['expDate', 'validUntil', 'userLifeEnd', 'yxqEnd'],
  photo: ['identityPic', 'photo', 'base64Photo', 'Photo', 'zp'],
} as const;

function pick(body: Record<string, unknown>, names: readonly string[]): string {
  for (const name of names) {
    const value = body[name];
    if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  }
  return '';
}

function imageOf(base64: string): CardRead['photo'] {
  const clean = base64.replace(/^data:image\/\w+;base64,/, '').replace(/\s/g, '');
  if (!clean || clean.length > 400_000) return null;
  const head = Buffer.from(clean.slice(0, 16), 'base64');
  if (head[0] === 0xff && head[1] === 0xd8) return { mime: 'image/jpeg', base64: clean };
  if (head[0] === 0x89 && head[1] === 0x50) return { mime: 'image/png', base64: clean };
  if (head[0] === 0x42 && head[1] === 0x4d) return { mime: 'image/bmp', base64: clean };
  return null;
}

/** The service's JSON answer as a card read; null when it says there is no card. */
export function cardFromVendorJson(raw: unknown): CardRead | null {
  if (!raw || typeof raw !== 'object') return null;
  const outer = raw as Record<string, unknown>;
  const body = (typeof outer.data === 'object' && outer.data !== null ? outer.data : outer) as Record<string, unknown>;
  const name = pick(body, FIELDS.name);
  const idNumber = pick(body, FIELDS.idNumber).toUpperCase();
  if (!name || !idNumber) return null;
  const sex = pick(body, FIELDS.sex);
  const nation = pick(body, FIELDS.nation);
  return {
    name,
    idNumber,
    sex: /^(男|1|M|male)$/i.test(sex) ? 'male' : /^(女|2|F|female)$/i.test(sex) ? 'female' : 'unknown',
    nation: /^\d{1,2}$/.test(nation) ? (NATIONS[Number(nation) - 1] ?? nation) : nation.replace(/族$/, ''),
    birthDate: cardDate(pick(body, FIELDS.birthDate)),
    address: pick(body, FIELDS.address),
    authority: pick(body, FIELDS.authority),
    validFrom: cardDate(pick(body, FIELDS.validFrom)),
    validUntil: cardDate(pick(body, FIELDS.validUntil)),
    photo: imageOf(pick(body, FIELDS.photo)),
    reader: 'vendorHttp',
  };
}

export async function readFromVendorService(url: string, timeoutMs = 4000): Promise<CardRead | null> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const reason = String((error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    throw new DeviceError('hardware:status.serviceMissing', { url, reason }, 'notFound');
  }
  if (!response.ok) throw new DeviceError('hardware:status.serviceError', { url, status: response.status });
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new DeviceError('hardware:status.serviceError', { url, status: response.status });
  }
  return cardFromVendorJson(json);
}
