// When the desk cannot start: what went wrong and what to do, in the PC's language (pure). The desktop app
// shows it in a window with buttons (restore the newest good backup, open the data folder, quit); web mode prints
// it. Either way it is logged and the locks are released, so the next start tries again.
import { StoreTooNewError, MigrationFailedError, StoreUnreadableError } from '../core/store/open';
import { SecretUnreadableError } from '../core/keyring';
import { DataDirLockedError } from './data-lock';
import { DataMigrationError } from './data-migration';
import type { Language } from '../../shared/i18n';

export type StartupFailureKind = 'locked' | 'tooNew' | 'migration' | 'corrupt' | 'key' | 'dataMove' | 'folder' | 'other';

export interface StartupFailure {
  kind: StartupFailureKind;
  title: string;
  /** What happened, in a sentence. */
  message: string;
  /** What to do. */
  advice: string;
  /** The technical detail for support (the error's own text, already free of secrets). */
  detail: string;
  /** Whether restoring a backup is the way out (the window offers it when a good backup exists). */
  offerRestore: boolean;
}

export function classifyStartupFailure(error: unknown): StartupFailureKind {
  if (error instanceof DataDirLockedError) return 'locked';
  if (error instanceof StoreTooNewError) return 'tooNew';
  if (error instanceof MigrationFailedError) return 'migration';
  if (error instanceof StoreUnreadableError) return 'corrupt';
  if (error instanceof SecretUnreadableError) return 'key';
  if (error instanceof DataMigrationError) return 'dataMove';
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))) return 'corrupt';
  if (code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_FULL') return 'folder';
  return 'other';
}

type Texts = Record<StartupFailureKind, { message: string; advice: string }>;

const TEXTS: Record<Language, { title: string; support: string; texts: Texts }> = {
  'zh-CN': {
    title: '大堂前台无法启动',
    support: '如问题仍在，请联系技术支持，并提供日志文件夹：{logs}',
    texts: {
      locked: { message: '本电脑上已有一个大堂前台在使用这份数据（{detail}）。', advice: '请先关闭另一个（桌面程序或 npm run web），再启动本程序。' },
      tooNew: { message: '数据库由更新版本的大堂前台写入，本版本无法打开。', advice: '请安装新版本；或恢复一份由本版本生成的备份。' },
      migration: { message: '升级数据库时出错，数据库保持升级前的状态。', advice: '可恢复升级前的备份（位于备份文件夹，名称以 pre-migration 开头），并联系技术支持。' },
      corrupt: { message: '数据库文件已损坏，无法打开。', advice: '请恢复最近一份完好的备份。损坏的文件会作为“恢复前”备份保留。' },
      key: { message: '本机的安装密钥（keys 文件夹）缺失、无法读取，或不是写入这份数据的那一把。', advice: '没有原密钥，黑名单无法核对。请把数据来源电脑的 keys 文件夹（或随导出备份写入的 .key 文件，改名为 installation.key）放回数据文件夹，并检查其权限。' },
      dataMove: { message: '无法把旧位置的数据移到新的数据文件夹。', advice: '请关闭其他正在运行的大堂前台后再启动；旧数据未被改动。' },
      folder: { message: '无法写入数据文件夹（权限不足或磁盘已满）。', advice: '请检查磁盘空间，以及当前用户对数据文件夹的写入权限。' },
      other: { message: '启动时出现意外错误。', advice: '请重新启动电脑后再试。' },
    },
  },
  en: {
    title: 'Lobby Desk cannot start',
    support: 'If it keeps happening, contact support and give them the log folder: {logs}',
    texts: {
      locked: { message: 'Another Lobby Desk on this PC is using this data ({detail}).', advice: 'Close the other one (the desktop app or npm run web), then start this one again.' },
      tooNew: { message: 'The database was written by a newer version of Lobby Desk; this version cannot open it.', advice: 'Install the newer version, or restore a backup made by this one.' },
      migration: { message: 'Updating the database failed; the database is as it was before the update.', advice: 'You can restore the backup taken before the update (in the backups folder, named pre-migration-…) and contact support.' },
      corrupt: { message: 'The database file is damaged and cannot be opened.', advice: 'Restore the newest good backup. The damaged file is kept as a before-restore backup.' },
      key: { message: 'The installation key of this PC (the keys folder) is missing, cannot be read, or is not the key these data were written with.', advice: 'Without that key the watch list cannot be checked. Put the keys folder of the PC the data came from (or the .key file exported beside the backup, renamed installation.key) back into the data folder, and check its permissions.' },
      dataMove: { message: 'The data could not be moved from its old place to the new data folder.', advice: 'Close any other Lobby Desk that is running, then start again; the old data was not changed.' },
      folder: { message: 'The data folder cannot be written (no permission, or the disk is full).', advice: 'Check the free disk space and that this user may write to the data folder.' },
      other: { message: 'Something unexpected went wrong while starting.', advice: 'Restart the PC and try again.' },
    },
  },
};

export function describeStartupFailure(error: unknown, lang: Language, where: { logs: string }): StartupFailure {
  const kind = classifyStartupFailure(error);
  const text = TEXTS[lang] ?? TEXTS['zh-CN'];
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const holder = error instanceof DataDirLockedError ? `${error.holder.mode === 'web' ? 'npm run web' : lang === 'en' ? 'desktop app' : '桌面程序'}, pid ${error.holder.pid}` : '';
  return {
    kind,
    title: text.title,
    message: text.texts[kind].message.replace('{detail}', holder),
    advice: `${text.texts[kind].advice}\n${text.support.replace('{logs}', where.logs)}`,
    detail,
    offerRestore: kind === 'tooNew' || kind === 'migration' || kind === 'corrupt',
  };
}

export type FailureAction = 'restore' | 'openData' | 'openLogs' | 'quit';

const ACTIONS: Record<Language, Record<FailureAction, string>> = {
  'zh-CN': { restore: '恢复最近的完好备份（{file}）并重新启动', openData: '打开数据文件夹', openLogs: '打开日志文件夹', quit: '退出' },
  en: { restore: 'Restore the newest good backup ({file}) and start again', openData: 'Open the data folder', openLogs: 'Open the log folder', quit: 'Quit' },
};

/** The buttons of the failure window, in order; restoring is offered only when it is the way out and a good backup exists. */
export function failureActions(failure: StartupFailure, lang: Language, restorable: string | null, hasDataDir: boolean): Array<{ action: FailureAction; label: string }> {
  const labels = ACTIONS[lang] ?? ACTIONS['zh-CN'];
  const actions: FailureAction[] = [
    ...(failure.offerRestore && restorable ? (['restore'] as const) : []),
    ...(hasDataDir ? (['openData'] as const) : []),
    'openLogs',
    'quit',
  ];
  return actions.map((action) => ({ action, label: labels[action].replace('{file}', restorable ?? '') }));
}
