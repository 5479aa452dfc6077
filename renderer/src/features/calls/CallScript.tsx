// The call script shown on answer (P-2): the greeting with the post's name in Chinese and English, and the steps
// of 篇1 接听电话程序, each ticked with Alt+1…6 (or 1…6 outside a text field).
import { Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SCRIPT_STEPS, type Call, type ScriptStep } from '../../../../shared/contract/calls';

export function CallScript(props: { call: Call; postName: string; postNameEn: string; onTick(step: ScriptStep, done: boolean): void; disabled?: boolean }) {
  const { t } = useTranslation('calls');
  const done = new Set(props.call.scriptSteps);
  const greetingZh = t('script.greeting', { lng: 'zh-CN', post: props.postName });
  const greetingEn = t('script.greeting', { lng: 'en', post: props.postNameEn || props.postName });
  return (
    <div data-testid="call-script">
      <div style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('script.greetingTitle')}</Typography.Text>
        <div style={{ fontSize: 20, fontWeight: 600 }} data-testid="call-greeting">
          {greetingZh}
        </div>
        <div style={{ fontSize: 15 }} data-testid="call-greeting-en" lang="en">
          {greetingEn}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('script.farewellLine', { zh: t('script.farewell', { lng: 'zh-CN' }), en: t('script.farewell', { lng: 'en' }) })}
        </Typography.Text>
      </div>
      <Flex justify="space-between" align="baseline">
        <Typography.Text strong>{t('script.title')}</Typography.Text>
        <Typography.Text type="secondary" data-testid="call-script-count">
          {t('script.done', { done: done.size, total: SCRIPT_STEPS.length })}
        </Typography.Text>
      </Flex>
      <ol style={{ listStyle: 'none', padding: 0, margin: '6px 0 0', display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', columnGap: 16 }}>
        {SCRIPT_STEPS.map((step, index) => (
          <li key={step} style={{ padding: '3px 0' }}>
            <Checkbox
              checked={done.has(step)}
              disabled={props.disabled}
              onChange={(e) => props.onTick(step, e.target.checked)}
              data-testid={`script-step-${step}`}
            >
              <kbd style={{ marginInlineEnd: 8, color: '#8c8c8c' }}>Alt+{index + 1}</kbd>
              {t(`script.steps.${step}`)}
            </Checkbox>
          </li>
        ))}
      </ol>
    </div>
  );
}
