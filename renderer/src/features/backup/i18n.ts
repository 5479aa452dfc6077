// Strings of the backup tab (namespace `backup`), with the core's own messages of that namespace merged in.
import { backupEn, backupZhCN } from '../../../../shared/i18n/backup';

export const backupMessages = {
  'zh-CN': {
    ...backupZhCN,
    keepDailyLabel: '保留每日备份（份）',
    directory: '备份位置',
    nextDaily: '下次自动备份',
    lastFailure: '上次自动备份失败：{{reason}}（一小时后重试）',
    file: '文件',
    kind: '类型',
    at: '时间',
    size: '大小',
    kinds: { daily: '每日自动', manual: '手动', 'pre-migration': '升级前', 'before-restore': '恢复前' },
    none: '还没有备份。第一份每日备份在安装一天后自动生成。',
    howTo: '立即备份：npm run backup -- --data-dir <数据目录>。恢复备份须先关闭本程序，再运行 npm run restore -- --data-dir <数据目录> --from <文件名>（详见说明文档）。',
  },
  en: {
    ...backupEn,
    keepDailyLabel: 'Daily backups to keep',
    directory: 'Backup folder',
    nextDaily: 'Next automatic backup',
    lastFailure: 'The last automatic backup failed: {{reason}} (retried in an hour)',
    file: 'File',
    kind: 'Kind',
    at: 'Time',
    size: 'Size',
    kinds: { daily: 'Daily', manual: 'Manual', 'pre-migration': 'Before an update', 'before-restore': 'Before a restore' },
    none: 'No backups yet. The first daily backup is made a day after installation.',
    howTo: 'Back up now: npm run backup -- --data-dir <data dir>. To restore, close this app first, then run npm run restore -- --data-dir <data dir> --from <file name> (see the README).',
  },
};
