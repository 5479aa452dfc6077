// Strings of the reports screen (namespace `reports`), with the figures' names shared with the exported file.
import { reportsEn, reportsZhCN } from '../../../../shared/i18n/reports';

const zhCN = {
  ...reportsZhCN,
  page: {
    title: '报表',
    hint: '前台一天、一周（周一至周日）或一个自然月的工作量与考核指标，可导出 Excel 或 CSV，或打印。只有数字，不列访客与业主姓名。',
    day: '选择日期',
    previous: '上一期',
    next: '下一期',
    current: '本期',
    xlsx: '导出 Excel',
    csv: '导出 CSV',
    print: '打印',
    refresh: '刷新',
    exported: '已导出 {{name}}',
    none: '本期没有数据。',
    open: '查看报表',
    dayReport: '查看当日报表',
    weekReport: '查看本周报表',
  },
  kpi: {
    visitors: '访客（批 / 人）',
    withinTarget: '规定响铃内接听率',
    complaintTimely: '投诉及时处理率',
    followUp: '回访率',
    satisfaction: '满意率',
    incidents: '突发事件',
    noBase: '—',
    of: '{{n}} / {{base}}',
  },
  chart: {
    byHour: '到访时段（进入大楼人次）',
    byType: '接待类别',
    arrivals: '进入',
  },
};

const en: typeof zhCN = {
  ...reportsEn,
  page: {
    title: 'Reports',
    hint: 'The desk’s work and its targets for a day, a week (Monday to Sunday) or a calendar month — export to Excel or CSV, or print. Figures only: no visitor or owner is named.',
    day: 'Choose a day',
    previous: 'Previous',
    next: 'Next',
    current: 'Current',
    xlsx: 'Export Excel',
    csv: 'Export CSV',
    print: 'Print',
    refresh: 'Refresh',
    exported: 'Exported {{name}}',
    none: 'Nothing in this period.',
    open: 'Open the report',
    dayReport: 'The day’s report',
    weekReport: 'This week’s report',
  },
  kpi: {
    visitors: 'Visits / people',
    withinTarget: 'Answered within target rings',
    complaintTimely: 'Complaints handled in time',
    followUp: 'Follow-up rate',
    satisfaction: 'Satisfaction rate',
    incidents: 'Incidents',
    noBase: '—',
    of: '{{n}} of {{base}}',
  },
  chart: {
    byHour: 'Arrivals by hour (people entering)',
    byType: 'Item types',
    arrivals: 'Arrivals',
  },
};

export const reportsMessages = { 'zh-CN': zhCN, en };
