// One incident: the record as signed, its files, amendments and reviews, and what the caller may do with it.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Flex, Form, Image, Input, List, Modal, Tag, Timeline, Typography, Upload } from 'antd';
import { EditOutlined, PaperClipOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { AttachmentMeta, Incident } from '../../../../shared/contract/incidents';
import { useSession } from '../auth';
import { PinModal } from '../../ui/PinModal';
import { useLocalizer } from '../../ui/localize';
import { dataUrl, FileProblem, prepareUpload } from './files';

const STATE_COLOR = { draft: 'orange', open: 'red', closed: 'green' } as const;

function AttachmentItem({ file, canWithdraw, onWithdraw }: { file: AttachmentMeta; canWithdraw: boolean; onWithdraw: () => void }) {
  const { t } = useTranslation('incidents');
  const [src, setSrc] = useState<string | null>(null);
  const show = async () => {
    const content = await api.incidents.attachment({ id: file.id });
    const url = dataUrl(content.mime, content.dataBase64);
    if (content.mime.startsWith('image/')) setSrc(url);
    else {
      const a = document.createElement('a');
      a.href = url;
      a.download = content.name;
      a.click();
    }
  };
  return (
    <List.Item actions={canWithdraw ? [<Button key="w" size="small" danger onClick={onWithdraw}>{t('page.withdraw')}</Button>] : []}>
      <Flex gap={8} align="center">
        <PaperClipOutlined />
        <Typography.Link onClick={() => void show()}>{file.name}</Typography.Link>
        <Typography.Text type="secondary">{Math.ceil(file.size / 1024)} KB · {file.addedBy.name}</Typography.Text>
        {src && <Image src={src} width={96} preview={{ src }} />}
      </Flex>
    </List.Item>
  );
}

export function IncidentDetail({ incident, onChanged, onEdit }: { incident: Incident; onChanged: (i: Incident) => void; onEdit: () => void }) {
  const { t } = useTranslation('incidents');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { at } = useLocalizer();
  const user = useSession((s) => s.user);
  const [signing, setSigning] = useState(false);
  const [amending, setAmending] = useState(false);
  const [amendText, setAmendText] = useState('');
  const [closes, setCloses] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [reviewNote, setReviewNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const mine = user?.id === incident.author.id;
  const draft = incident.state === 'draft';
  const canReview = !draft && (user?.role === 'supervisor' || user?.role === 'manager');
  const refresh = async () => onChanged(await api.incidents.get({ id: incident.id }));
  const fail = (e: unknown) => setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));

  const upload = async (file: File) => {
    setError(null);
    try {
      const prepared = await prepareUpload(file);
      await api.incidents.addAttachment({ incidentId: incident.id, ...prepared, note: draft ? '' : t('page.attachmentAmendment') });
      await refresh();
    } catch (e) {
      if (e instanceof FileProblem) setError(t(`page.${e.key}`));
      else fail(e);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="incident-detail">
      <Flex gap={8} align="center" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {incident.number}
        </Typography.Title>
        <Tag color={STATE_COLOR[incident.state]} data-testid="incident-state">
          {t(`state.${incident.state}`)}
        </Tag>
        {incident.reviews.length > 0 && <Tag color="blue">{t('page.reviewDone')}</Tag>}
        <Flex gap={8} style={{ marginLeft: 'auto' }} wrap>
          {draft && mine && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="incident-edit">
              {t('page.edit')}
            </Button>
          )}
          {(!draft || mine) && (
            <Upload showUploadList={false} accept="image/jpeg,image/png,image/webp,application/pdf" beforeUpload={(f) => (void upload(f), false)}>
              <Button icon={<PaperClipOutlined />} data-testid="incident-attach">
                {t('page.addFile')}
              </Button>
            </Upload>
          )}
          {draft && mine && (
            <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setSigning(true)} data-testid="incident-sign">
              {t('page.sign')}
            </Button>
          )}
          {!draft && (
            <Button onClick={() => setAmending(true)} data-testid="incident-amend">
              {t('page.amend')}
            </Button>
          )}
          {canReview && (
            <Button onClick={() => setReviewing(true)} data-testid="incident-review">
              {t('page.review')}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/incidents?print=${incident.id}`)} data-testid="incident-print">
            {t('page.print')}
          </Button>
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('page.occurredAt')}>{at(incident.occurredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('page.category')}>{t(`category.${incident.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('page.place')} span={2}>{incident.place}</Descriptions.Item>
        <Descriptions.Item label={t('page.peoplePresent')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{incident.peoplePresent}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('page.course')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{incident.course}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('page.outcome')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{incident.outcome}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('page.author')}>{incident.author.name}</Descriptions.Item>
        <Descriptions.Item label={t('page.signedAt')}>{incident.signedAt ? at(incident.signedAt) : t('page.unsignedMark')}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>{t('page.attachments')}</Typography.Text>
        <List
          size="small"
          dataSource={incident.attachments}
          locale={{ emptyText: tc('empty') }}
          renderItem={(f) => (
            <AttachmentItem
              file={f}
              canWithdraw={draft && mine}
              onWithdraw={() => void api.incidents.withdrawAttachment({ id: f.id }).then(refresh, fail)}
            />
          )}
        />
      </div>
      {incident.amendments.length > 0 && (
        <div>
          <Typography.Text strong>{t('page.amendments')}</Typography.Text>
          <Timeline
            style={{ marginTop: 8 }}
            items={incident.amendments.map((a) => ({
              key: a.id,
              color: a.closesFollowUp ? 'green' : 'blue',
              children: (
                <span>
                  <Typography.Text type="secondary">{t('page.amendedBy', { at: at(a.at), name: a.by.name })}</Typography.Text> {a.text}
                  {a.closesFollowUp && <Tag color="green" style={{ marginLeft: 6 }}>{t('state.closed')}</Tag>}
                </span>
              ),
            }))}
          />
        </div>
      )}
      {incident.reviews.length > 0 && (
        <div>
          <Typography.Text strong>{t('page.reviews')}</Typography.Text>
          {incident.reviews.map((r) => (
            <div key={r.id}>
              <Typography.Text type="secondary">{t('page.reviewedBy', { at: at(r.at), name: r.by.name, role: r.role })}</Typography.Text> {r.note}
            </div>
          ))}
        </div>
      )}
      {incident.contentHash && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('page.contentHash')}：{incident.contentHash}
        </Typography.Text>
      )}

      <PinModal
        open={signing}
        title={t('page.signTitle', { name: incident.author.name })}
        hint={t('page.signHint')}
        okText={t('page.sign')}
        person={incident.author}
        onClose={() => setSigning(false)}
        onSubmit={async ({ pin }) => {
          onChanged(await api.incidents.sign({ id: incident.id, pin }));
          setSigning(false);
          void message.success(t('page.signed'));
        }}
      />
      <Modal
        open={amending}
        title={t('page.amend')}
        onCancel={() => setAmending(false)}
        okButtonProps={{ disabled: amendText.trim() === '' && !closes, 'data-testid': 'amend-ok' }}
        onOk={() =>
          void api.incidents.amend({ id: incident.id, text: amendText, closesFollowUp: closes }).then((i) => {
            onChanged(i);
            setAmending(false);
            setAmendText('');
            setCloses(false);
          }, fail)
        }
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('page.amendText')}>
            <Input.TextArea autoFocus value={amendText} onChange={(e) => setAmendText(e.target.value)} autoSize={{ minRows: 3 }} maxLength={2000} data-testid="amend-text" />
          </Form.Item>
          {incident.state === 'open' && (
            <Checkbox checked={closes} onChange={(e) => setCloses(e.target.checked)} data-testid="amend-closes">
              {t('page.closesFollowUp')}
            </Checkbox>
          )}
        </Form>
      </Modal>
      <Modal
        open={reviewing}
        title={t('page.review')}
        onCancel={() => setReviewing(false)}
        onOk={() =>
          void api.incidents.review({ id: incident.id, note: reviewNote }).then((i) => {
            onChanged(i);
            setReviewing(false);
            setReviewNote('');
          }, fail)
        }
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('page.reviewNote')}>
            <Input autoFocus value={reviewNote} onChange={(e) => setReviewNote(e.target.value)} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
