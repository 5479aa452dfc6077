export const settingsMessages = {
  'zh-CN': {
    admin: { title: '管理', building: '大厦信息', records: '部门与时限', calls: '电话与话术', visitors: '访客设置', handover: '交接单模板', opening: '开班检查', staff: '人员与岗位', devices: '配对设备', security: '安全', audit: '审计', backup: '备份', installation: '本机' },
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
      pinMaxFailures: '同一终端 PIN 连续错误几次后锁定',
      pinLockoutMinutes: '首次锁定时长（分钟，此后每错一次加倍，最长 24 小时）',
      pinDailyLimit: '每人每天 PIN 错误上限（超过则所有终端锁定）',
      sessionMaxHours: '登录最长有效（小时）',
      allowedHosts: '局域网访问名称',
      allowedHostsHint: '其他设备访问本前台时使用的主机名或 IP（本机地址和启动时的 --host 已包含）。其他名称的请求一律拒绝。',
    },
  },
  en: {
    admin: { title: 'Admin', building: 'Building', records: 'Departments and time limits', calls: 'Phone desk and script', visitors: 'Visitors', handover: 'Handover template', opening: 'Opening check', staff: 'People and roles', devices: 'Paired devices', security: 'Security', audit: 'Audit', backup: 'Backups', installation: 'This PC' },
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
      pinMaxFailures: 'Wrong PINs in a row at one terminal before it locks',
      pinLockoutMinutes: 'First lock (minutes; doubles with each further wrong PIN, at most 24 h)',
      pinDailyLimit: 'Wrong PINs a person may have a day (then every terminal locks)',
      sessionMaxHours: 'Longest session (hours)',
      allowedHosts: 'Names on the LAN',
      allowedHostsHint: 'Host names or IP addresses other devices use to reach this desk (this PC and the --host it was started with are included). Requests for any other name are refused.',
    },
  },
};
