// The printed incident record: every required part, the signature, amendments, reviews and the content hash.
import { useEffect, useState } from 'react';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Incident } from '../../../../shared/contract/incidents';
import { useBuilding } from '../../ui/use-building';
import { PrintFrame } from '../../ui/PrintFrame';
import { useLocalizer } from '../../ui/localize';
import { dataUrl } from './files';

export function IncidentSheet({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation('incidents');
  const { at } = useLocalizer();
  const building = useBuilding();
  const [incident, setIncident] = useState<Incident | null>(null);
  const [images, setImages] = useState<Array<{ id: string; src: string }>>([]);
  useEffect(() => {
    void api.incidents.get({ id }).then(async (i) => {
      setIncident(i);
      const pictures = i.attachments.filter((a) => a.mime.startsWith('image/'));
      const loaded = await Promise.all(pictures.map(async (a) => ({ id: a.id, content: await api.incidents.attachment({ id: a.id }) })));
      setImages(loaded.map((l) => ({ id: l.id, src: dataUrl(l.content.mime, l.content.dataBase64) })));
    });
  }, [id]);
  if (!incident) return <Spin />;
  return (
    <PrintFrame onBack={onBack} testId="incident-sheet" fileName={`${incident.number}.pdf`}>
      <h1>{building.name} · {t('page.printTitle')}</h1>
      <div className="sub">
        {t('page.number')}：{incident.number} {incident.state === 'draft' && t('page.unsignedMark')}
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('page.occurredAt')}</th>
            <td>{at(incident.occurredAt)}</td>
            <th>{t('page.category')}</th>
            <td>{t(`category.${incident.category}`)}</td>
          </tr>
          <tr>
            <th>{t('page.place')}</th>
            <td colSpan={3}>{incident.place}</td>
          </tr>
          <tr>
            <th>{t('page.peoplePresent')}</th>
            <td colSpan={3} style={{ whiteSpace: 'pre-wrap' }}>{incident.peoplePresent}</td>
          </tr>
          <tr>
            <th>{t('page.course')}</th>
            <td colSpan={3} style={{ whiteSpace: 'pre-wrap', height: '40mm' }}>{incident.course}</td>
          </tr>
          <tr>
            <th>{t('page.outcome')}</th>
            <td colSpan={3} style={{ whiteSpace: 'pre-wrap' }}>{incident.outcome}</td>
          </tr>
          <tr>
            <th>{t('page.author')}</th>
            <td>{incident.author.name}</td>
            <th>{t('page.signedAt')}</th>
            <td>{incident.signedAt ? at(incident.signedAt) : '—'}</td>
          </tr>
        </tbody>
      </table>
      {incident.amendments.length > 0 && (
        <>
          <h2>{t('page.amendments')}</h2>
          <table>
            <tbody>
              {incident.amendments.map((a) => (
                <tr key={a.id}>
                  <th style={{ width: '32%' }}>{t('page.amendedBy', { at: at(a.at), name: a.by.name })}</th>
                  <td>{a.text} {a.closesFollowUp ? t('page.closedMark') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {incident.reviews.length > 0 && (
        <>
          <h2>{t('page.reviews')}</h2>
          <table>
            <tbody>
              {incident.reviews.map((r) => (
                <tr key={r.id}>
                  <th style={{ width: '32%' }}>{t('page.reviewedBy', { at: at(r.at), name: r.by.name, role: r.role })}</th>
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {incident.attachments.length > 0 && (
        <>
          <h2>{t('page.attachments')}</h2>
          <div>{incident.attachments.map((a) => t('page.fileLine', { name: a.name, kb: Math.ceil(a.size / 1024) })).join(t('page.fileSeparator'))}</div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 6 }}>
            {images.map((img) => (
              <img key={img.id} src={img.src} alt="" style={{ maxWidth: '48%', maxHeight: '70mm' }} />
            ))}
          </div>
        </>
      )}
      {incident.contentHash && <div className="hash">{t('page.contentHash')}：{incident.contentHash}</div>}
    </PrintFrame>
  );
}
