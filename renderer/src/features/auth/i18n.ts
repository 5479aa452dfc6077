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
    changePin: {
      title: 'Change PIN',
      current: 'Current PIN',
      next: 'New PIN',
      done: 'PIN changed',
    },
  },
};
