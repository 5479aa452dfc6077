// Examples for the lobby's visitor side: the tenant directory, visitors (desk registration, the visitor screen's
// self-registration, confirming, declining, signing out), the watch list, callbacks and notices.
import { LEADS } from '../../../shared/contract/define';
import { DEFAULT_PURPOSES } from '../../../shared/contract/visitors';
import { idOf, mobileNumber, personWith, type EarlierCall, type Example, type ExampleEnv } from './example-env';

export const COMPANIES = [
  '华信科技', '中远物流', '蓝海传媒', '金石律师事务所', '恒通贸易', '明德教育', '安泰保险', '天成建筑设计', '瑞丰银行', '博雅咨询',
  '鼎盛投资', '云图软件', '宏达电子', '百草堂药业', '星河影视', '东方会计师事务所', '绿源环保', '长城数据', '万家物业', '华夏旅行社',
];

type Tenant = { id: string; listed: boolean; active: boolean; contacts: Array<{ id: string; active: boolean }> };
type Visit = { id: string; status: string; passNumber: string | null };
type Callback = { id: string; status: string; owner: { id: string } };

const TENANT_WRITES = ['directory.create', 'directory.update', 'directory.addContact', 'directory.updateContact'];
/** Visits checked in (a pass to sign out with). */
const CHECKED_IN = ['visitors.register', 'visitors.confirm'];
const OPEN_CALLBACKS = ['callbacks.create', 'callbacks.assign'];

const tenantOf = (call: EarlierCall | null) => (call?.output as Tenant | undefined) ?? null;

/** An active tenant the desk can register a visitor for (from the directory the harness wrote). */
function someTenant(env: ExampleEnv): Tenant | null {
  return tenantOf(env.peek(TENANT_WRITES, (c) => (c.output as Tenant).active && (c.output as Tenant).listed));
}

async function somePurpose(env: ExampleEnv, method: 'visitors.settings' | 'visitors.kioskWelcome'): Promise<string> {
  const read = await env.query<{ purposes: Array<{ zh: string }> }>(method, {});
  return env.rng.pick(read?.purposes.length ? read.purposes : DEFAULT_PURPOSES).zh;
}

/** A watch-list entry's mobile now and then, so that the desk's override path is walked too. */
function watchedMobile(env: ExampleEnv): string | null {
  if (!env.rng.chance(0.1)) return null;
  const entry = env.peek('visitors.addWatch', (c) => (c.input as { mobile?: string }).mobile !== '');
  return entry ? (entry.input as { mobile: string }).mobile : null;
}

export const visitorWriteExamples: Record<string, Example> = {
  'directory.create': {
    make: (env) => {
      const name = env.rng.pick(COMPANIES);
      const floor = env.rng.int(2, 30);
      return {
        kind: 'company',
        name: `${name}${env.marker}`,
        displayName: name,
        floor: `${floor}F`,
        room: `${floor}${String(env.rng.int(1, 20)).padStart(2, '0')}`,
        listed: true,
        contact: { name: personWith(env.rng, ''), title: '前台', phone: `010-8${env.rng.int(100, 999)}${env.rng.int(1000, 9999)}`, primary: true },
      };
    },
  },
  'directory.update': {
    needs: ['directory.create'],
    make: (env) => {
      const id = idOf(env.peek(TENANT_WRITES));
      return id ? { id, notes: env.marker } : null;
    },
  },
  'directory.addContact': {
    needs: ['directory.create'],
    make: (env) => {
      const id = idOf(env.peek(TENANT_WRITES));
      return id ? { tenantId: id, name: personWith(env.rng, env.marker), title: '行政', phone: mobileNumber(env.rng) } : null;
    },
  },
  'directory.updateContact': {
    needs: ['directory.create'],
    make: (env) => {
      const tenant = tenantOf(env.peek(TENANT_WRITES, (c) => (c.output as Tenant).contacts.length > 0));
      return tenant ? { id: env.rng.pick(tenant.contacts).id, title: env.marker } : null;
    },
  },
  'directory.importApply': {
    make: (env) => {
      const csv = `名称,显示名称,楼层,房号,联系人,联系电话\n${env.rng.pick(COMPANIES)}${env.marker},${env.rng.pick(COMPANIES)},8F,0801,${personWith(env.rng, '')},010-88886666\n`;
      return { fileName: 'tenants.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
    },
  },
  'visitors.updateSettings': {
    // The usual purposes stay (registrations name them); the marker rides on one more.
    make: (env) => ({
      purposes: [...DEFAULT_PURPOSES, { zh: env.marker, en: '' }],
      overstayMinutes: 240,
      storeFullIdNumber: env.rng.chance(0.5),
      kioskIdNumber: 'off',
      retentionDays: 180,
    }),
  },
  'visitors.addWatch': {
    make: (env) => ({
      name: env.rng.chance(0.5) ? personWith(env.rng, env.marker) : '',
      mobile: mobileNumber(env.rng),
      idNumber: '',
      reason: `曾在大堂滋事 ${env.marker}`,
    }),
  },
  'visitors.updateWatch': {
    needs: ['visitors.addWatch'],
    make: (env) => {
      const id = idOf(env.peek(['visitors.addWatch', 'visitors.updateWatch']));
      return id ? { id, reason: `复核后保留 ${env.marker}` } : null;
    },
  },
  'visitors.register': {
    as: 'receptionist',
    needs: ['directory.create'],
    make: async (env) => {
      const tenant = someTenant(env);
      if (!tenant) return null;
      const watched = watchedMobile(env);
      return {
        visitorName: personWith(env.rng, env.marker),
        mobile: watched ?? mobileNumber(env.rng),
        tenantId: tenant.id,
        hostName: personWith(env.rng, ''),
        purpose: await somePurpose(env, 'visitors.settings'),
        partySize: env.rng.pick([1, 1, 1, 2, 3]),
        idNumber: env.hint.idNumber || env.rng.chance(0.3) ? '11010519491231002X' : null,
        vehiclePlate: env.rng.chance(0.2) ? '京A12345' : null,
        badgeNumber: String(env.rng.int(1, 200)),
        notes: '',
        overrideWatchList: watched !== null,
      };
    },
  },
  'visitors.refuse': {
    as: 'receptionist',
    needs: ['directory.create'],
    make: async (env) => {
      const tenant = someTenant(env);
      if (!tenant) return null;
      return {
        draft: { visitorName: personWith(env.rng, env.marker), mobile: mobileNumber(env.rng), tenantId: tenant.id, purpose: await somePurpose(env, 'visitors.settings') },
        reason: `禁止入内名单 ${env.marker}`,
      };
    },
  },
  'visitors.selfRegister': {
    as: 'kiosk',
    needs: ['directory.create'],
    make: async (env) => {
      // What the visitor screen does: picks a tenant from its own search, a purpose from its welcome.
      const found = await env.query<{ tenants: Array<{ id: string }> }>('directory.kioskSearch', { q: '' });
      if (!found || found.tenants.length === 0) return null;
      return {
        visitorName: personWith(env.rng, env.marker),
        mobile: watchedMobile(env) ?? mobileNumber(env.rng),
        tenantId: env.rng.pick(found.tenants).id,
        hostName: '',
        purpose: await somePurpose(env, 'visitors.kioskWelcome'),
        partySize: 1,
        idNumber: null,
        vehiclePlate: null,
        lang: env.rng.chance(0.8) ? 'zh-CN' : 'en',
        consent: true,
        idConsent: false,
      };
    },
  },
  'visitors.confirm': {
    as: 'receptionist',
    needs: ['visitors.selfRegister'],
    make: (env) => {
      const id = (env.take('visitors.selfRegister')?.output as { registrationId?: string } | undefined)?.registrationId;
      // The receptionist saw any watch-list alert on the lobby and admits the visitor all the same.
      return id ? { id, hostContacted: true, badgeNumber: env.marker, overrideWatchList: true } : null;
    },
  },
  'visitors.decline': {
    as: 'receptionist',
    needs: ['visitors.selfRegister'],
    make: (env) => {
      const id = (env.take('visitors.selfRegister')?.output as { registrationId?: string } | undefined)?.registrationId;
      return id ? { id, reason: `被访单位不在 ${env.marker}` } : null;
    },
  },
  'visitors.signOut': {
    as: 'receptionist',
    needs: ['visitors.register'],
    make: (env) => {
      const id = idOf(env.take(CHECKED_IN));
      return id ? { id } : null;
    },
  },
  'visitors.signOutByPass': {
    as: 'receptionist',
    needs: ['visitors.register'],
    make: (env) => {
      const visit = env.take(CHECKED_IN)?.output as Visit | undefined;
      return visit?.passNumber ? { pass: visit.passNumber, via: env.rng.pick(['pass', 'scan']) } : null;
    },
  },
  'visitors.revealIdNumber': {
    needs: [{ method: 'visitors.register', hint: { idNumber: true } }],
    make: (env) => {
      const id = idOf(env.peek('visitors.register', (c) => (c.input as { idNumber: string | null }).idNumber !== null));
      return id ? { id } : null;
    },
  },
  'callbacks.create': {
    needs: ['directory.create'],
    make: (env) => {
      const tenant = someTenant(env);
      return tenant
        ? { tenantId: tenant.id, callerName: personWith(env.rng, ''), callerPhone: mobileNumber(env.rng), message: `请回电，关于合同续签 ${env.marker}` }
        : null;
    },
  },
  'callbacks.assign': {
    needs: ['callbacks.create'],
    make: async (env) => {
      const open = env.take(OPEN_CALLBACKS)?.output as Callback | undefined;
      if (!open) return null;
      // To someone else than its owner now (giving it to the same person changes nothing).
      const owners = await env.query<{ people: Array<{ id: string }> }>('callbacks.owners', {});
      const others = (owners?.people ?? []).filter((p) => p.id !== open.owner.id);
      return others.length > 0 ? { id: open.id, ownerId: env.rng.pick(others).id } : null;
    },
  },
  'callbacks.recordOutcome': {
    needs: ['callbacks.create'],
    make: (env) => {
      // Its owner closes it, or a lead.
      const lead = (LEADS as readonly string[]).includes(env.caller.name);
      const id = idOf(env.take(OPEN_CALLBACKS, (c) => lead || (c.output as Callback).owner.id === env.caller.userId));
      return id ? { id, outcome: env.rng.pick(['relayed', 'tenantWillCall', 'unreachable']), note: `已转告 ${env.marker}` } : null;
    },
  },
  'notices.create': {
    make: (env) => ({
      title: `停水通知 ${env.marker}`,
      body: '明日 9:00–12:00 二次供水设备检修，请提前储水。',
      public: env.rng.chance(0.5),
      // For one building of the compound (a notice for everyone has no target value to keep).
      target: 'building',
      targetValue: env.rng.pick(['1号楼', '2号楼', 'A座']),
      activeFrom: null,
      activeUntil: env.now() + 3 * 24 * 3600_000,
    }),
  },
  'notices.update': {
    needs: ['notices.create'],
    make: (env) => {
      // From the notices created, which a withdrawal takes away (a withdrawn notice cannot change).
      const id = idOf(env.peek('notices.create'));
      return id ? { id, body: `时间调整为 13:00–15:00 ${env.marker}` } : null;
    },
  },
  'notices.withdraw': {
    needs: ['notices.create'],
    make: (env) => {
      const id = idOf(env.take('notices.create'));
      return id ? { id } : null;
    },
  },
};

/** `{ id }` of an earlier record of the method(s), for a query that reads one. */
export function byId(methods: string | readonly string[]): Example {
  const list = typeof methods === 'string' ? [methods] : methods;
  return {
    needs: [list[0]!],
    make: (env) => {
      const id = idOf(env.peek(list));
      return id ? { id } : null;
    },
  };
}

export const visitorReadExamples: Record<string, Example> = {
  'directory.get': byId(TENANT_WRITES),
  'visitors.get': byId(CHECKED_IN),
  'visitors.kioskStatus': {
    as: 'kiosk',
    needs: ['visitors.selfRegister'],
    make: (env) => {
      // This screen's own registration, decided since or not.
      const own = env.earlier('visitors.selfRegister', env.mine)?.output as { registrationId?: string } | undefined;
      return own?.registrationId ? { registrationId: own.registrationId } : null;
    },
  },
};
