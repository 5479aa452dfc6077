// Examples for the visitor journeys: expected visitors and their invitations, parcels held at the desk, host
// notification channels and the phone fallback, visitor photos.
import { PNG_1PX } from '../shift';
import { dayKey } from '../../../shared/rules/time';
import { DEFAULT_PURPOSES } from '../../../shared/contract/visitors';
import { idOf, mobileNumber, personWith, type EarlierCall, type Example, type ExampleEnv } from './example-env';

type Tenant = { id: string; name: string; active: boolean; listed: boolean; contacts: Array<{ id: string; active: boolean }> };
type Expected = { id: string; code: string; status: string };
type Notification = { id: string; channel: string; status: string };
type Logged = { parcel: { id: string; notifications: Notification[] }; pickupCode: string };

const TENANT_WRITES = ['directory.create', 'directory.update', 'directory.addContact', 'directory.updateContact'];
/** Invitations whose current code is in their output (a re-issued one's code is in the re-issue's). */
const INVITATIONS = ['expected.create', 'expected.reissue'];

function someTenant(env: ExampleEnv): Tenant | null {
  return (env.peek(TENANT_WRITES, (c) => (c.output as Tenant).active)?.output as Tenant | undefined) ?? null;
}

/** The building's day (the harness's buildings are in Shanghai). */
const today = (env: ExampleEnv) => dayKey(env.now(), 'Asia/Shanghai');

async function somePurpose(env: ExampleEnv): Promise<string> {
  const read = await env.query<{ purposes: Array<{ zh: string }> }>('visitors.settings', {});
  return env.rng.pick(read?.purposes.length ? read.purposes : DEFAULT_PURPOSES).zh;
}

const invitation = (call: EarlierCall | null) => (call?.output as Expected | undefined) ?? null;

export const journeyWriteExamples: Record<string, Example> = {
  'expected.create': {
    as: 'receptionist',
    needs: ['directory.create'],
    make: async (env) => {
      const tenant = someTenant(env);
      if (!tenant) return null;
      return {
        visitorName: personWith(env.rng, env.marker),
        mobile: mobileNumber(env.rng),
        tenantId: tenant.id,
        hostName: personWith(env.rng, ''),
        purpose: await somePurpose(env),
        partySize: env.rng.pick([1, 1, 2]),
        date: today(env),
        startTime: '00:00',
        endTime: '24:00',
        recurrence: 'once',
        source: env.rng.pick(['desk', 'phone']),
        requestedBy: '',
        notes: env.marker,
        sendToHost: false,
      };
    },
  },
  'expected.cancel': {
    as: 'receptionist',
    needs: ['expected.create'],
    make: (env) => {
      const id = idOf(env.take(INVITATIONS));
      return id ? { id, reason: `会议取消 ${env.marker}` } : null;
    },
  },
  'expected.reissue': {
    as: 'receptionist',
    needs: ['expected.create'],
    make: (env) => {
      // Taken: the old code stops working, so no arrival example may use it.
      const id = idOf(env.take('expected.create'));
      return id ? { id } : null;
    },
  },
  'expected.arrive': {
    as: 'receptionist',
    needs: ['expected.create'],
    make: (env) => {
      const id = idOf(env.take(INVITATIONS));
      return id ? { id, overrideWatchList: true } : null;
    },
  },
  'expected.arriveByCode': {
    as: 'receptionist',
    needs: ['expected.create'],
    make: (env) => {
      const found = invitation(env.take(INVITATIONS));
      return found ? { code: found.code, overrideWatchList: true } : null;
    },
  },
  'expected.kioskArrive': {
    as: 'kiosk',
    needs: ['expected.create'],
    make: (env) => {
      const found = invitation(env.take(INVITATIONS));
      return found ? { code: found.code, lang: env.rng.chance(0.8) ? 'zh-CN' : 'en', consent: true } : null;
    },
  },
  'expected.importCsv': {
    as: 'receptionist',
    needs: ['directory.create'],
    make: async (env) => {
      const tenant = someTenant(env);
      if (!tenant) return null;
      const csv = `姓名,手机,单位,日期,开始,结束,事由,人数\n${personWith(env.rng, env.marker)},${mobileNumber(env.rng)},${tenant.name},${today(env)},00:00,24:00,${await somePurpose(env)},1\n`;
      return { fileName: 'expected.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
    },
  },
  'parcels.log': {
    as: 'receptionist',
    needs: ['directory.create'],
    make: (env) => {
      const tenant = someTenant(env);
      return tenant
        ? {
            kind: env.rng.chance(0.7) ? 'parcel' : 'food',
            courier: env.rng.pick(['顺丰', '京东', '中通', '美团外卖']),
            trackingNumber: `SF${env.rng.int(100000, 999999)}${env.rng.int(100000, 999999)}`,
            tenantId: tenant.id,
            recipientName: personWith(env.rng, env.marker),
            shelf: `A${env.rng.int(1, 9)}`,
            notes: env.marker,
            photo: null,
          }
        : null;
    },
  },
  'parcels.collect': {
    as: 'receptionist',
    needs: ['parcels.log'],
    make: (env) => {
      const logged = env.take('parcels.log')?.output as Logged | undefined;
      return logged ? { id: logged.parcel.id, method: 'code', code: logged.pickupCode, collectorName: personWith(env.rng, env.marker) } : null;
    },
  },
  'parcels.setContactPin': {
    as: 'receptionist',
    needs: ['directory.create'],
    make: (env) => {
      const tenant = (env.peek(TENANT_WRITES, (c) => (c.output as Tenant).contacts.some((k) => k.active))?.output as Tenant | undefined) ?? null;
      const contact = tenant?.contacts.find((k) => k.active);
      return contact ? { contactId: contact.id, pin: String(env.rng.int(1000, 9999)) } : null;
    },
  },
  'photos.attach': {
    as: 'receptionist',
    needs: ['visitors.register'],
    make: (env) => {
      // Taken, so no sign-out example signs this visitor out first; a photo is of a visitor who is here.
      const id = idOf(env.take('visitors.register'));
      return id ? { visitId: id, consent: true, mime: 'image/png', dataBase64: PNG_1PX.toString('base64') } : null;
    },
  },
  'notify.addRecipient': {
    needs: ['directory.create'],
    make: (env) => {
      const tenant = someTenant(env);
      // A robot on the loopback discard port: delivery is refused at once and retried, never leaving the machine.
      return tenant ? { tenantId: tenant.id, channel: 'wecom', target: `http://127.0.0.1:9/cgi-bin/webhook/send?key=${env.marker}`, secret: '', label: env.marker } : null;
    },
  },
  'notify.updateRecipient': {
    needs: ['notify.addRecipient'],
    make: (env) => {
      const id = idOf(env.peek('notify.addRecipient'));
      return id ? { id, label: env.marker } : null;
    },
  },
  'notify.sendTest': {
    needs: ['notify.addRecipient'],
    make: (env) => {
      const id = idOf(env.peek(['notify.addRecipient', 'notify.updateRecipient'], (c) => (c.output as { active: boolean }).active));
      return id ? { recipientId: id } : null;
    },
  },
  'notify.markCalled': {
    as: 'receptionist',
    needs: ['parcels.log'],
    attempts: 6,
    make: async (env) => {
      // A parcel for a tenant without channels is a call for the desk to make: read the outbox as the desk does,
      // and mark each call once.
      const open = await env.query<{ notifications: Notification[] }>('notify.outbox', { open: true, limit: 500 });
      const phone = open?.notifications.find((n) => n.channel === 'phone' && n.status === 'queued' && env.claim(`called:${n.id}`));
      return phone ? { id: phone.id, reached: true, note: env.marker } : null;
    },
  },
};

export const journeyReadExamples: Record<string, Example> = {
  'expected.get': { needs: ['expected.create'], make: (env) => (idOf(env.peek(INVITATIONS)) ? { id: idOf(env.peek(INVITATIONS)) } : null) },
  'parcels.get': { needs: ['parcels.log'], make: (env) => ((env.earlier('parcels.log')?.output as Logged | undefined) ? { id: (env.earlier('parcels.log')!.output as Logged).parcel.id } : null) },
  'parcels.photo': { needs: ['parcels.log'], make: (env) => ((env.earlier('parcels.log')?.output as Logged | undefined) ? { id: (env.earlier('parcels.log')!.output as Logged).parcel.id } : null) },
  'photos.get': { needs: ['visitors.register'], make: (env) => (idOf(env.earlier('visitors.register')) ? { visitId: idOf(env.earlier('visitors.register')) } : null) },
  'notify.forSubject': {
    needs: ['parcels.log'],
    make: (env) => {
      const logged = env.earlier('parcels.log')?.output as Logged | undefined;
      return logged ? { subjectKind: 'parcel', subjectId: logged.parcel.id } : null;
    },
  },
};

/** Why the write harnesses leave some of these mutations alone. */
export const journeyNotForWriteHarness: Record<string, string> = {
  'notify.retry': 'needs a notification that has failed, which takes the delivery job’s retries (test/unit/notify proves it)',
};
