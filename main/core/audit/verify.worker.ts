// The trail-verification worker's entry (built to dist/main/workers/verify.js): the full check of the chain, the
// anchors and the business tables reads the whole trail — minutes on ten years of a busy tower — so it runs on a
// read-only connection of its own here, never on the thread that answers the desk.
import { serveWorker } from '../workers/serve';
import { keyRingOfDerived } from '../keyring';
import { verifyStoreFile } from './verify-file';
import type { VerifyTask } from './verify-task';
import type { TrailReport } from '../../../shared/contract/audit';

serveWorker<VerifyTask, TrailReport>((task) =>
  verifyStoreFile(task.dataDir, { keys: task.keys ? keyRingOfDerived(task.keys) : null, paper: task.paper }),
);
