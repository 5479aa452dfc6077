// The handover sheet as printed and as read later: every section and line with its tick or comment, carried
// lines marked, the notes, both signatures and the checksum of what was signed.
import { useTranslation } from 'react-i18next';
import type { Handover, HandoverLine } from '../../../../shared/contract/handover';
import { useBuilding } from '../../ui/use-building';
import { useLocalizer } from '../../ui/localize';

/** Lines grouped by section, in sheet order. */
export function sectionsOf(lines: HandoverLine[]): Array<{ key: string; title: string; lines: HandoverLine[] }> {
  const out: Array<{ key: string; title: string; lines: HandoverLine[] }> = [];
  for (const line of [...lines].sort((a, b) => a.sectionOrder - b.sectionOrder)) {
    let section = out.find((s) => s.key === line.section);
    if (!section) out.push((section = { key: line.section, title: line.sectionTitle, lines: [] }));
    section.lines.push(line);
  }
  return out;
}

export function HandoverSheet({ handover }: { handover: Handover }) {
  const { t } = useTranslation('handover');
  const { text, at } = useLocalizer();
  const building = useBuilding();
  return (
    <div data-testid="handover-sheet-content">
      <h1>{building.name} · {t('page.sheetTitle')}</h1>
      <div className="sub">
        {t('page.number')}：{handover.number}{'　'}{t('page.shiftStarted')}：{at(handover.shiftStartedAt)}{'　'}{t(`state.${handover.state}`)}
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('page.outgoing')}</th>
            <td data-testid="sheet-outgoing">{handover.outgoing.name}</td>
            <th>{t('page.signedAt')}</th>
            <td>{handover.signedAt ? at(handover.signedAt) : t('page.notSignedYet')}</td>
          </tr>
          <tr>
            <th>{t('page.incoming')}</th>
            <td data-testid="sheet-incoming">{handover.incoming?.name ?? t('page.waiting')}</td>
            <th>{t('page.acknowledgedAt')}</th>
            <td>{handover.acknowledgedAt ? at(handover.acknowledgedAt) : '—'}</td>
          </tr>
          {handover.acknowledgeNote && (
            <tr>
              <th>{t('page.ackNote')}</th>
              <td colSpan={3}>{handover.acknowledgeNote}</td>
            </tr>
          )}
        </tbody>
      </table>
      {sectionsOf(handover.lines).map((section) => (
        <div key={section.key}>
          <h2>{text(section.title, {})}</h2>
          <table>
            <thead>
              <tr>
                <th style={{ width: '14pt' }}>{t('page.tick')}</th>
                <th>{t('page.lines')}</th>
                <th style={{ width: '35%' }}>{t('page.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {section.lines.map((line) => (
                <tr key={line.id}>
                  <td style={{ width: '14pt' }}>
                    <span className="mark">{line.ticked ? t('page.yes') : t('page.no')}</span>
                  </td>
                  <td>
                    {line.carried && <span className="tag">{t('page.carried')}</span>}
                    {text(line.kind, line.params)}
                    {line.carried && line.carriedComment && <div style={{ fontSize: '9pt' }}>{t('page.carriedComment', { comment: line.carriedComment })}</div>}
                  </td>
                  <td style={{ width: '35%' }}>{line.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2>{t('page.notes')}</h2>
      <div style={{ whiteSpace: 'pre-wrap', border: '1px solid #555', padding: '4pt 6pt', minHeight: '18mm' }}>{handover.notes || t('page.empty')}</div>
      {handover.contentHash && <div className="hash">{t('page.contentHash')}：{handover.contentHash}</div>}
      {handover.trailAnchor && (
        <div className="hash" data-testid="sheet-trail-anchor">
          {t(handover.signedAt ? 'page.trailAnchorSigned' : 'page.trailAnchorNow')}：#{handover.trailAnchor.seq} · {handover.trailAnchor.short}
        </div>
      )}
    </div>
  );
}
