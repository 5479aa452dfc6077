export const settingsMessages = {
  'zh-CN': {
    admin: { title: '管理', building: '大厦信息', staff: '人员与岗位', devices: '配对设备', security: '安全', audit: '审计', backup: '备份', installation: '本机' },
    building: {
      name: '大厦名称',
      nameEn: '英文名称',
      postName: '岗位名称（接电话时报出）',
      postNameEn: '岗位英文名称',
      timeZone: '时区',
      address: '地址',
    },
    security: {
      idleLockMinutes: '无操作自动锁屏（分钟）',
      pinMaxFailures: 'PIN 连续错误次数上限',
      pinLockoutMinutes: '锁定时长（分钟）',
      sessionMaxHours: '登录最长有效（小时）',
    },
  },
  en: {
    admin: { title: 'Admin', building: 'Building', staff: 'People and roles', devices: 'Paired devices', security: 'Security', audit: 'Audit', backup: 'Backups', installation: 'This PC' },
    building: {
      name: 'Building name',
      nameEn: 'English name',
      postName: 'Post name (said when answering the phone)',
      postNameEn: 'Post name in English',
      timeZone: 'Time zone',
      address: 'Address',
    },
    security: {
      idleLockMinutes: 'Lock after minutes without input',
      pinMaxFailures: 'Wrong PINs allowed',
      pinLockoutMinutes: 'Lockout (minutes)',
      sessionMaxHours: 'Longest session (hours)',
    },
  },
};
