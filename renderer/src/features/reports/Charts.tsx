// The report's two charts: arrivals by hour as bars, reception items by type as a pie. ECharts through
// echarts/core, so only these charts, their grid/tooltip/legend and the SVG renderer are bundled; SVG keeps the
// charts sharp on paper and readable (aria description) for a screen reader.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { useTranslation } from 'react-i18next';
import type { ReportCount } from '../../../../shared/contract/reports';

echarts.use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

function Chart({ option, testId, height = 260 }: { option: Option; testId: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'EN' : 'ZH';
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const instance = echarts.init(ref.current, null, { renderer: 'svg', locale });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, { notMerge: true });
  }, [option, locale]);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height }} />;
}

export function ArrivalsChart({ byHour }: { byHour: number[] }) {
  const { t } = useTranslation('reports');
  // The office day, widened to any hour that had an arrival, so a quiet night does not squeeze the bars.
  const busy = byHour.map((n, h) => (n > 0 ? h : -1)).filter((h) => h >= 0);
  const from = Math.min(7, ...busy);
  const to = Math.max(20, ...busy);
  const hours = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <Chart
      testId="report-chart-hours"
      option={{
        grid: { left: 36, right: 12, top: 16, bottom: 28 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: hours.map((h) => `${h}`) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: t('chart.arrivals'), data: hours.map((h) => byHour[h] ?? 0), itemStyle: { color: '#1677ff' } }],
      }}
    />
  );
}

export function TypesChart({ byType }: { byType: ReportCount[] }) {
  const { t } = useTranslation('records');
  return (
    <Chart
      testId="report-chart-types"
      option={{
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            center: ['50%', '45%'],
            label: { formatter: '{b}: {c}' },
            data: byType.filter((c) => c.count > 0).map((c) => ({ name: t(`type.${c.key}`), value: c.count })),
          },
        ],
      }}
    />
  );
}
