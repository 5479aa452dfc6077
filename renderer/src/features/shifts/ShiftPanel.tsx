// The lobby's shift line: off duty, one line with the way to the opening check (S-3), which opens as a step of its
// own (a dialog) instead of pushing the desk down; on duty, the shift at a glance with the diary and the handover
// one click away.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { BookOutlined, CheckCircleOutlined, LoginOutlined, SwapOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, staffClient } from '../../api/client';
import { useShift } from './store';
import { useLocalizer } from '../../ui/localize';
import { useSession } from '../auth';

type Answer = { ok: boolean; comment: string };

export function ShiftPanel() {
  const { t, i18n } = useTranslation('shifts');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { loaded, shift, openingCheck, load, start } = useShift();
  const { at } = useLocalizer();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [explaining, setExplaining] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const user = useSession((u) => u.user);

  useEffect(() => {
    void load();
    return staffClient.on('shifts.changed', () => void load());
  }, [load]);

  if (!loaded) return null;
  const label = (item: { label: string; labelEn: string }) => (i18n.language === 'en' && item.labelEn ? item.labelEn : item.label);

  if (shift) {
    const problems = shift.openingCheck.filter((c) => !c.ok).length;
    return (
      <Card size="small" data-testid="shift-panel">
        <Flex align="center" gap={16} wrap>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="on-duty">
            {t('panel.onDuty', { name: shift.person.name })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('panel.since', { at: at(shift.startedAt) })}</Typography.Text>
          {problems === 0 ? (
            <Tag icon={<CheckCircleOutlined />} color="success">
              {t('panel.checkAllOk')}
            </Tag>
          ) : (
            <Tag icon={<WarningOutlined />} color="warning">
              {t('panel.checkIssues', { count: problems })}
            </Tag>
          )}
          <Space style={{ marginLeft: 'auto' }}>
            <Button icon={<BookOutlined />} onClick={() => navigate('/diary')} data-testid="go-diary">
              {t('panel.diary')}
            </Button>
            <Button type="primary" icon={<SwapOutlined />} onClick={() => navigate('/handover')} data-testid="go-handover">
              {t('panel.handover')}
            </Button>
          </Space>
        </Flex>
      </Card>
    );
  }

  const answer = (key: string): Answer => answers[key] ?? { ok: false, comment: '' };
  const submit = async () => {
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      await start(openingCheck.map((c) => ({ key: c.key, ok: answer(c.key).ok, comment: answer(c.key).comment })));
      setChecking(false);
      void message.success(t('panel.started'));
    } catch (e) {
      if (e instanceof ApiError) {
        const byKey: Record<string, string> = {};
        for (const issue of e.issues) {
          const index = issue.path[1];
          if (typeof index === 'number' && openingCheck[index]) byKey[openingCheck[index].key] = issue.message;
        }
        setIssues(byKey);
        setError(Object.keys(byKey).length ? null : (e.issues[0]?.message ?? e.message));
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" data-testid="shift-panel">
      <Flex align="center" gap={16} wrap data-testid="off-duty">
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('panel.offDuty', { name: user?.name ?? '' })}
        </Typography.Text>
        <Button type="primary" icon={<LoginOutlined />} style={{ marginLeft: 'auto' }} onClick={() => setChecking(true)} autoFocus data-testid="shift-open">
          {t('panel.open')}
        </Button>
      </Flex>
      <Modal open={checking} title={<><LoginOutlined /> {t('panel.startTitle')}</>} footer={null} onCancel={() => setChecking(false)} width={640} destroyOnHidden>
      <div data-testid="shift-start">
      <Typography.Paragraph type="secondary">{t('panel.startIntro')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={openingCheck}
        renderItem={(item, index) => {
          const a = answer(item.key);
          return (
            <List.Item>
              <Flex vertical style={{ width: '100%' }} gap={4}>
                <Flex align="center" gap={8}>
                  <Checkbox
                    checked={a.ok}
                    autoFocus={index === 0}
                    onChange={(e) => setAnswers({ ...answers, [item.key]: { ...a, ok: e.target.checked } })}
                    data-testid={`opening-${item.key}`}
                  >
                    {label(item)}
                  </Checkbox>
                  {!a.ok && !explaining[item.key] && !issues[item.key] && (
                    <Button type="link" size="small" onClick={() => setExplaining({ ...explaining, [item.key]: true })} data-testid={`opening-explain-${item.key}`}>
                      {t('panel.explain')}
                    </Button>
                  )}
                </Flex>
                {!a.ok && (explaining[item.key] || issues[item.key] || a.comment !== '') && (
                  <Input
                    size="small"
                    placeholder={t('panel.commentPlaceholder')}
                    value={a.comment}
                    status={issues[item.key] ? 'error' : undefined}
                    onChange={(e) => setAnswers({ ...answers, [item.key]: { ...a, comment: e.target.value } })}
                    onPressEnter={() => void submit()}
                    autoFocus={explaining[item.key]}
                    data-testid={`opening-comment-${item.key}`}
                  />
                )}
                {issues[item.key] && <Typography.Text type="danger">{issues[item.key]}</Typography.Text>}
              </Flex>
            </List.Item>
          );
        }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      <Button type="primary" size="large" loading={busy} onClick={() => void submit()} style={{ marginTop: 12 }} data-testid="shift-start-submit">
        {t('panel.start')}
      </Button>
      </div>
      </Modal>
    </Card>
  );
}
