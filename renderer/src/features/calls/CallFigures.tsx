// A day's phone figures (P-5): calls, share answered within target, mean answer time, missed.
import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallFigures as Figures } from '../../../../shared/contract/calls';
import { percentText, secondsText } from './format';

export function CallFigures(props: { figures: Figures | null; targetRings: number; testId?: string }) {
  const { t } = useTranslation('calls');
  const f = props.figures;
  const none = t('figures.none');
  const share = f ? percentText(f.withinTargetShare) : null;
  const mean = f?.meanAnswerMs != null ? t('figures.seconds', { value: secondsText(f.meanAnswerMs) }) : null;
  return (
    <Row gutter={12} data-testid={props.testId ?? 'call-figures'}>
      <Col span={6}>
        <Statistic title={t('figures.today')} value={f?.calls ?? 0} valueRender={(v) => <span data-testid="figures-calls">{v}</span>} />
      </Col>
      <Col span={6}>
        <Statistic
          title={t('figures.withinTarget', { target: props.targetRings })}
          value={share ?? none}
          styles={{ content: { color: f?.withinTargetShare == null ? undefined : f.withinTargetShare >= 0.9 ? '#389e0d' : '#cf1322' } }}
          valueRender={(v) => <span data-testid="figures-share">{v}</span>}
        />
      </Col>
      <Col span={6}>
        <Statistic title={t('figures.meanAnswer')} value={mean ?? none} valueRender={(v) => <span data-testid="figures-mean">{v}</span>} />
      </Col>
      <Col span={6}>
        <Statistic title={t('figures.missed')} value={f?.missed ?? 0} valueRender={(v) => <span data-testid="figures-missed">{v}</span>} />
      </Col>
    </Row>
  );
}
