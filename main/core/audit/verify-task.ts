// What the verification worker is given: the data dir (it opens the database read-only), the derived keys only
// (never the installation secret), and any anchors copied from paper.
import type { DerivedKeys } from '../keyring';
import type { PaperAnchor } from './verify';
import type { WorkerLimits } from '../workers';

export interface VerifyTask {
  dataDir: string;
  keys: DerivedKeys | null;
  paper?: readonly PaperAnchor[];
}

/** A whole trail is read once; the heap holds a page of entries at a time. No time limit: a long check finishes. */
export const VERIFY_WORKER_LIMITS: WorkerLimits = { heapMb: 256, timeoutMs: null };
