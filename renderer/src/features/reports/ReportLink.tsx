// A button to the report of the period around a day, for pages that look at the same day or week.
import { Button } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth';
import { REPORT_READERS, type ReportPeriod } from '../../../../shared/contract/reports';

export function ReportLink({ period, day }: { period: ReportPeriod; day: string }) {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  const role = useSession((s) => s.user?.role);
  if (!role || !REPORT_READERS.includes(role)) return null;
  return (
    <Button icon={<BarChartOutlined />} onClick={() => navigate(`/reports?period=${period}&day=${day}`)} data-testid={`report-link-${period}`}>
      {t(period === 'day' ? 'page.dayReport' : 'page.weekReport')}
    </Button>
  );
}
