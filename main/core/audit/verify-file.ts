// Verifies a data dir's audit trail without starting the app: opened read-only, nothing migrated or written.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../store/open';
import { verifyAuditChain, type Verification } from './chain';

export function verifyStoreFile(dataDir: string): Verification {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new Error(`No Lobby Desk database in ${dataDir}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyAuditChain(db);
  } finally {
    db.close();
  }
}
