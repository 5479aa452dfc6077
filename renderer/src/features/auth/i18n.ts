export const authMessages = {
  'zh-CN': {
    signIn: {
      title: '登录前台',
      choose: '请选择您的姓名',
      pin: '输入 PIN 码',
      submit: '登录',
      recent: '最近在此登录',
      others: '其他人员',
      noPeople: '尚无可登录的人员。',
      back: '换一个人',
    },
    lock: {
      title: '屏幕已锁定',
      lockedBy: '{{name}} 锁定了屏幕',
      unlock: '解锁',
      idle: '长时间无操作，已自动锁屏。',
      other: '换人登录',
    },
    unlock: {
      start: '请主管解锁',
      title: '主管解锁',
      hint: '请主管点选自己的姓名并输入自己的 PIN 码，再由 {{name}} 在上方输入本人 PIN 码。解锁只对这一次登录有效。',
      pin: '{{name}} 的 PIN 码',
    },
    changePin: {
      title: '修改 PIN 码',
      current: '当前 PIN',
      next: '新 PIN',
      done: 'PIN 码已修改',
    },
  },
  en: {
    signIn: {
      title: 'Sign in to the desk',
      choose: 'Choose your name',
      pin: 'Enter your PIN',
      submit: 'Sign in',
      recent: 'Recently signed in here',
      others: 'Everyone else',
      noPeople: 'Nobody can sign in yet.',
      back: 'Someone else',
    },
    lock: {
      title: 'Screen locked',
      lockedBy: '{{name}} locked the screen',
      unlock: 'Unlock',
      idle: 'Locked after a period of inactivity.',
      other: 'Sign in as someone else',
    },
    unlock: {
      start: 'Ask a supervisor to unlock',
      title: 'Supervisor unlock',
      hint: 'The supervisor picks their own name and enters their own PIN; then {{name}} enters their PIN above. The unlock is for this one sign-in.',
      pin: 'PIN of {{name}}',
    },
    changePin: {
      title: 'Change PIN',
      current: 'Current PIN',
      next: 'New PIN',
      done: 'PIN changed',
    },
  },
};
