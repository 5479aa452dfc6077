// The backup worker's entry (built to dist/main/workers/backup.js): copies a live database on its own connection
// and checks the copy, so that neither holds the thread that answers the desk.
import { serveWorker } from '../workers/serve';
import { copyAndCheck, type CopyTask } from '../store/backup-copy';

serveWorker<CopyTask, ReturnType<typeof copyAndCheck>>((task) => copyAndCheck(task));
