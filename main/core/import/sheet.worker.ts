// The sheet worker's entry (built to dist/main/workers/sheet.js): parses one uploaded file and answers with its rows,
// or with the reason it was refused.
import { serveWorker, TaskError } from '../workers/serve';
import { parseSpreadsheet, SheetRefusal, type SheetLimits, type SheetRow } from './parse';

export interface SheetTask {
  fileName: string;
  bytes: Uint8Array;
  limits: SheetLimits;
}

serveWorker<SheetTask, SheetRow[]>(async (task) => {
  try {
    return await parseSpreadsheet(task.fileName, task.bytes, task.limits);
  } catch (error) {
    if (error instanceof SheetRefusal) throw new TaskError(error.message, { reason: error.reason, params: error.params });
    throw error;
  }
});
