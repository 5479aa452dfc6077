// One shift's work diary (S-2): the opening check, what each feature recorded, and the free text.
import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Input, List, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Diary } from '../../../../shared/contract/shifts';
import { useLocalizer } from '../../ui/localize';

export function DiaryView({ diary, editable, onSaved }: { diary: Diary; editable: boolean; onSaved?: () => void }) {
  const { t, i18n } = useTranslation('shifts');
  const { message } = App.useApp();
  const { text, at } = useLocalizer();
  const [draft, setDraft] = useState(diary.text);
  const [savedAt, setSavedAt] = useState(diary.textUpdatedAt);
  const [busy, setBusy] = useState(false);
  const { shift } = diary;

  useEffect(() => {
    setDraft(diary.text);
    setSavedAt(diary.textUpdatedAt);
  }, [diary.text, diary.textUpdatedAt]);

  const save = async () => {
    setBusy(true);
    try {
      const result = await api.shifts.saveDiary({ shiftId: shift.id, text: draft });
      setSavedAt(result.textUpdatedAt);
      void message.success(t('diary.savedAt', { at: at(result.textUpdatedAt) }));
      onSaved?.();
    } catch (e) {
      void message.error(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const label = (item: { label: string; labelEn: string }) => (i18n.language === 'en' && item.labelEn ? item.labelEn : item.label);
  return (
    <Flex vertical gap={12} data-testid="diary-view">
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label={t('diary.person')}>{shift.person.name}</Descriptions.Item>
        <Descriptions.Item label={t('diary.startedAt')}>{at(shift.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('diary.state')}>
          {diary.finalised ? <Tag color="blue">{t('diary.finalised')}</Tag> : <Tag color="green">{t('diary.open')}</Tag>}
          {shift.endedAt !== null && at(shift.endedAt)}
        </Descriptions.Item>
        {shift.closedBy && (
          <Descriptions.Item label={t('diary.closeShift')} span={3}>
            {t('diary.closedBy', { name: shift.closedBy.name, reason: shift.closeReason })}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Card size="small" title={t('diary.openingCheck')}>
        <List
          size="small"
          dataSource={shift.openingCheck}
          renderItem={(c) => (
            <List.Item>
              <Flex gap={8} align="center" style={{ width: '100%' }}>
                {c.ok ? <Tag color="success">{t('diary.ok')}</Tag> : <Tag color="warning">{t('diary.issue')}</Tag>}
                <span>{label(c)}</span>
                {c.comment && <Typography.Text type="secondary">— {c.comment}</Typography.Text>}
              </Flex>
            </List.Item>
          )}
        />
      </Card>

      <Card size="small" title={t('diary.activity')}>
        {diary.sections.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        {diary.sections.map((section) => (
          <div key={section.key} style={{ marginBottom: 12 }} data-testid={`diary-section-${section.key}`}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {text(section.title, {})}
            </Typography.Title>
            <Flex gap={8} wrap style={{ marginBottom: 8 }}>
              {section.figures.map((f, i) => (
                <Tag key={i}>{text(f.kind, f.params)}</Tag>
              ))}
            </Flex>
            {section.entries.length === 0 ? (
              <Typography.Text type="secondary">{t('diary.nothing')}</Typography.Text>
            ) : (
              <Timeline
                items={section.entries.map((e, i) => ({
                  key: i,
                  children: (
                    <span>
                      <Typography.Text type="secondary">{at(e.at)}</Typography.Text> {text(e.kind, e.params)}
                    </span>
                  ),
                }))}
              />
            )}
          </div>
        ))}
      </Card>

      <Card size="small" title={t('diary.freeText')}>
        {editable && !diary.finalised ? (
          <Flex vertical gap={8}>
            <Input.TextArea
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              autoSize={{ minRows: 4, maxRows: 14 }}
              maxLength={5000}
              placeholder={t('diary.freeTextPlaceholder')}
              data-testid="diary-text"
            />
            <Flex gap={12} align="center">
              <Button type="primary" loading={busy} onClick={() => void save()} data-testid="diary-save">
                {t('diary.save')}
              </Button>
              {savedAt !== null && <Typography.Text type="secondary">{t('diary.savedAt', { at: at(savedAt) })}</Typography.Text>}
            </Flex>
          </Flex>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{diary.text || t('diary.nothing')}</Typography.Paragraph>
        )}
      </Card>
    </Flex>
  );
}
