// Every migration, statically imported, in order. A new one is a new file and one line here.
import type { Migration } from './types';
import { migration0001 } from './0001-foundation';

export const migrations: readonly Migration[] = [migration0001];

export const LATEST_SCHEMA_VERSION = migrations.length;
