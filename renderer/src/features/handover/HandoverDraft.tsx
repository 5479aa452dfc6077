// Filling in one's own handover: each line ticked or commented, free notes, then the outgoing signature.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Input, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Handover, HandoverLine } from '../../../../shared/contract/handover';
import { useLocalizer } from '../../ui/localize';
import { useHandover } from './store';
import { sectionsOf } from './HandoverSheet';
import { PinModal } from '../../ui/PinModal';
import { api } from '../../api/client';
import { useSession } from '../auth';
import { clearDraft, readDraft, writeDraft } from '../../ui/drafts';

function LineRow({ line, onMark }: { line: HandoverLine; onMark: (ticked: boolean, comment: string) => Promise<boolean> }) {
  const { t } = useTranslation('handover');
  const { text } = useLocalizer();
  const userId = useSession((s) => s.user?.id);
  const draftName = `handover-line:${line.id}`;
  const [comment, setComment] = useState(line.comment);
  // Shown at once; put back if the desk service refuses.
  const [ticked, setTicked] = useState(line.ticked);
  // A comment typed and not yet saved (saved when the field is left) comes back after a lock or a reload.
  useEffect(() => {
    const kept = userId ? readDraft<{ comment: string }>(userId, draftName) : null;
    setComment(typeof kept?.comment === 'string' && kept.comment !== line.comment ? kept.comment : line.comment);
  }, [line.comment, userId, draftName]);
  const changeComment = (value: string) => {
    setComment(value);
    if (userId) writeDraft(userId, draftName, { comment: value });
  };
  useEffect(() => setTicked(line.ticked), [line.ticked]);
  const saveComment = () => {
    if (comment !== line.comment)
      void onMark(ticked, comment).then((saved) => {
        if (saved && userId) clearDraft(userId, draftName);
      });
  };
  const tick = async (value: boolean) => {
    setTicked(value);
    if (!(await onMark(value, comment))) setTicked(line.ticked);
  };
  const handled = ticked || line.comment !== '';
  const marker = handled ? 'transparent' : '#faad14';
  return (
    <Flex
      gap={12}
      align="center"
      style={{ padding: '6px 0 6px 8px', borderBottom: '1px solid #f0f0f0', borderLeft: `3px solid ${marker}` }}
      data-testid={`line-${line.key}`}
    >
      <Checkbox checked={ticked} onChange={(e) => void tick(e.target.checked)} data-testid="line-tick" />
      <div style={{ flex: 1 }}>
        {line.carried && (
          <Tooltip title={t('page.carriedTitle', { number: line.carriedFromNumber ?? '', count: line.carriedCount })}>
            <Tag color="purple" data-testid="line-carried">
              {t('page.carried')}
            </Tag>
          </Tooltip>
        )}
        {line.attention && <Tag color="error">{t('page.attention')}</Tag>}
        {!line.current && <Tag>{t('page.notCurrent')}</Tag>}
        <Typography.Text type={ticked ? 'secondary' : undefined}>{text(line.kind, line.params)}</Typography.Text>
        {line.carried && line.carriedComment && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('page.carriedComment', { comment: line.carriedComment })}
            </Typography.Text>
          </div>
        )}
      </div>
      {!ticked && (
        <Input
          style={{ width: 320 }}
          size="small"
          placeholder={t('page.commentPlaceholder')}
          value={comment}
          maxLength={300}
          onChange={(e) => changeComment(e.target.value)}
          onBlur={saveComment}
          onPressEnter={saveComment}
          data-testid="line-comment"
        />
      )}
    </Flex>
  );
}

export function HandoverDraft({ onSigned }: { onSigned: (h: Handover) => void }) {
  const { t } = useTranslation('handover');
  const { message } = App.useApp();
  const { text } = useLocalizer();
  const { loaded, shift, draft, load, prepare, mark, saveNotes, sign } = useHandover();
  const [notes, setNotes] = useState('');
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);
  const userId = useSession((s) => s.user?.id);
  const draftName = draft ? `handover-notes:${draft.id}` : null;
  // Notes typed and not yet saved (saved when the field is left) come back after a lock or a reload.
  useEffect(() => {
    const kept = userId && draftName ? readDraft<{ notes: string }>(userId, draftName) : null;
    setNotes(typeof kept?.notes === 'string' && kept.notes !== (draft?.notes ?? '') ? kept.notes : (draft?.notes ?? ''));
  }, [draft?.id, draft?.notes, userId, draftName]);
  const changeNotes = (value: string) => {
    setNotes(value);
    if (userId && draftName) writeDraft(userId, draftName, { notes: value });
  };
  const storeNotes = async (value: string) => {
    await saveNotes(value);
    if (userId && draftName) clearDraft(userId, draftName);
  };

  const run = async (work: () => Promise<void>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!loaded) return null;
  if (!shift) return <Empty description={t('page.noShift')} />;
  if (!draft) {
    return (
      <Card>
        <Typography.Paragraph type="secondary">{t('page.prepareHint')}</Typography.Paragraph>
        <Button type="primary" size="large" loading={busy} onClick={() => void run(prepare)} autoFocus data-testid="handover-prepare">
          {t('page.prepare')}
        </Button>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      </Card>
    );
  }

  const unhandled = draft.lines.filter((l) => !l.ticked && l.comment === '').length;
  /** What blocks signing is asked of the core first; the PIN only when nothing does (S-1). */
  const askToSign = () =>
    run(async () => {
      if (notes !== draft.notes) await saveNotes(notes);
      const blockers = await api.handover.blockers({ id: draft.id });
      if (blockers.canSign) setSigning(true);
      else {
        setError(t('page.blocked', { count: blockers.unhandled.length }));
        await prepare();
      }
    });
  return (
    <Flex vertical gap={12} data-testid="handover-draft">
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong>
          {t('page.number')}：{draft.number}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('page.outgoing')}：{draft.outgoing.name}
        </Typography.Text>
        {unhandled > 0 ? <Tag color="warning">{t('page.unhandled', { count: unhandled })}</Tag> : null}
        <Flex gap={8} style={{ marginLeft: 'auto' }}>
          <Button icon={<ReloadOutlined />} loading={busy} onClick={() => void run(prepare)} data-testid="handover-refresh">
            {t('page.refresh')}
          </Button>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void askToSign()} data-testid="handover-sign">
            {t('page.sign')}
          </Button>
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} data-testid="handover-error" />}
      {sectionsOf(draft.lines).map((section) => (
        <Card key={section.key} size="small" title={text(section.title, {})} data-testid={`section-${section.key}`}>
          {section.lines.map((line) => (
            <LineRow key={line.id} line={line} onMark={(ticked, comment) => run(() => mark(line, ticked, comment))} />
          ))}
        </Card>
      ))}
      <Card size="small" title={t('page.notes')}>
        <Input.TextArea
          value={notes}
          onChange={(e) => changeNotes(e.target.value)}
          onBlur={() => notes !== draft.notes && void run(() => storeNotes(notes))}
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={3000}
          placeholder={t('page.notesPlaceholder')}
          data-testid="handover-notes"
        />
      </Card>
      <PinModal
        open={signing}
        title={t('page.signTitle', { name: draft.outgoing.name })}
        hint={t('page.signHint')}
        okText={t('page.sign')}
        person={draft.outgoing}
        onClose={() => setSigning(false)}
        onSubmit={async ({ pin }) => {
          if (notes !== draft.notes) await storeNotes(notes);
          try {
            const signed = await sign(pin);
            setSigning(false);
            void message.success(t('page.signedDone'));
            onSigned(signed);
          } catch (e) {
            // New open items may have appeared since the sheet was shown: show them.
            if (e instanceof ApiError && e.code === 'conflict') {
              setSigning(false);
              setError(e.message);
              await prepare();
              return;
            }
            throw e;
          }
        }}
      />
    </Flex>
  );
}
