// Messages of the backup feature (namespace `backup`).
export const backupZhCN = {
  keepDaily: '保留份数须为 1 至 365 之间的整数。',
};

export const backupEn: typeof backupZhCN = {
  keepDaily: 'Keep between 1 and 365 daily backups.',
};
