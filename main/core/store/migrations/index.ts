// Every migration, statically imported, in order. A new one is a new file and one line here.
import type { Migration } from './types';
import { migration0001 } from './0001-foundation';
import { migration0002 } from './0002-visitors';
import { migration0003 } from './0003-records';
import { migration0004 } from './0004-calls';
import { migration0005 } from './0005-shift';
import { migration0006 } from './0006-call-tenant';
import { migration0007 } from './0007-callback-kind';
import { migration0008 } from './0008-pin-guards';
import { migration0009 } from './0009-watch-list-keyed';
import { migration0010 } from './0010-expected';
import { migration0011 } from './0011-notify';
import { migration0012 } from './0012-parcels';
import { migration0013 } from './0013-visit-photos';
import { migration0014 } from './0014-record-clock-due';
import { migration0015 } from './0015-hardware';
import { migration0016 } from './0016-keyed-trail';
import { migration0017 } from './0017-visit-ageing';

export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
];

export const LATEST_SCHEMA_VERSION = migrations.length;
