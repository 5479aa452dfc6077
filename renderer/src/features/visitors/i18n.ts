export const visitorsMessages = {
  'zh-CN': {
    welcome: {
      title: '欢迎光临{{building}}',
      subtitle: '访客请在此登记',
      start: '开始登记',
    },
  },
  en: {
    welcome: {
      title: 'Welcome to {{building}}',
      subtitle: 'Visitors, please register here',
      start: 'Start',
    },
  },
};
