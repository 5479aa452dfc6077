// The roll-call list (V-4): everyone in the building now, for an evacuation head count.
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../../shared/contract/visitors';
import { peopleCount } from '../store';
import { dateTimeText, timeText, visitingText } from '../format';
import { useBuilding } from '../../../ui/use-building';

const cell = { border: '1px solid #000', padding: '1.5mm 2mm', fontSize: 12 } as const;

export function RollCall({ visits, building, now }: { visits: Visit[]; building: string; now: number }) {
  const { t } = useTranslation('visitors');
  const timeZone = useBuilding((s) => s.timeZone);
  return (
    <div data-testid="roll-call">
      <h2 style={{ textAlign: 'center', margin: '0 0 2mm' }}>
        {building} · {t('rollCall.title')}
      </h2>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, marginBottom: '2mm' }}>
        <span>{t('rollCall.printedAt', { time: dateTimeText(now, timeZone) })}</span>
        <span>{t('rollCall.total', { visits: visits.length, people: peopleCount(visits) })}</span>
      </div>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {[t('rollCall.index'), t('field.pass'), t('field.visitorName'), t('field.partySize'), t('field.tenant'), t('field.hostName'), t('inBuilding.since'), t('field.vehiclePlate'), '✓'].map((h) => (
              <th key={h} style={{ ...cell, background: '#eee' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visits.map((v, i) => (
            <tr key={v.id}>
              <td style={cell}>{i + 1}</td>
              <td style={cell}>{v.passNumber}</td>
              <td style={cell}>{v.visitorName}</td>
              <td style={cell}>{v.partySize}</td>
              <td style={cell}>{visitingText(v)}</td>
              <td style={cell}>{v.hostName}</td>
              <td style={cell}>{timeText(v.checkedInAt, timeZone)}</td>
              <td style={cell}>{v.vehiclePlate ?? ''}</td>
              <td style={{ ...cell, width: '10mm' }} />
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: '6mm', fontSize: 12 }}>{t('rollCall.signature')}</p>
    </div>
  );
}
