// Errors nobody caught: logged, never silent. A rejected promise nobody awaited is logged and the desk goes
// on; an exception thrown out of everything leaves the process in an unknown state, so it is logged, the log
// flushed, and the shell's `fatal` decides (web mode exits and releases its lock; the desktop app restarts).
import type { Logger } from '../core/context';

export function installProcessGuards(options: { logger: Logger; fatal: (error: unknown) => void }): () => void {
  const onRejection = (reason: unknown) => {
    options.logger.error('unhandled promise rejection', { error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason) });
  };
  const onException = (error: unknown) => {
    options.logger.error('uncaught exception', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    options.fatal(error);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
