// The printed visitor pass (V-6): building, pass number, name, whom they visit, when, and the QR code the desk
// scans at sign-out; the visitor's photo too when the building prints photos on passes (V-11).
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../../shared/contract/visitors';
import { dateTimeText, visitingText } from '../format';
import { useBuilding } from '../../../ui/use-building';

export async function passQrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
}

export function VisitorPass({ visit, qr, building, photo = null }: { visit: Visit; qr: string; building: string; photo?: string | null }) {
  const { t } = useTranslation('visitors');
  const timeZone = useBuilding((s) => s.timeZone);
  return (
    <div style={{ width: '80mm', border: '1px solid #000', padding: '4mm', boxSizing: 'border-box' }} data-testid="visitor-pass">
      <div style={{ textAlign: 'center', fontSize: 14 }}>{building}</div>
      <div style={{ textAlign: 'center', fontSize: 20, fontWeight: 700, letterSpacing: 4 }}>{t('pass.title')}</div>
      <div style={{ textAlign: 'center', fontSize: 10, letterSpacing: 2 }}>{t('pass.titleEn')}</div>
      <div style={{ textAlign: 'center', fontSize: 30, fontWeight: 700, margin: '2mm 0' }} data-testid="pass-number">
        {visit.passNumber}
      </div>
      <div style={{ display: 'flex', gap: '3mm', alignItems: 'center' }}>
        <img src={qr} alt={visit.qrText ?? ''} style={{ width: '28mm', height: '28mm' }} />
        {photo && <img src={photo} alt="" style={{ width: '21mm', height: '28mm', objectFit: 'cover' }} data-testid="pass-photo" />}
        <div style={{ fontSize: 12, lineHeight: 1.6 }}>
          <div style={{ fontSize: 16, fontWeight: 700 }}>{visit.visitorName}</div>
          <div>
            {t('labelValue', { label: t('pass.visiting'), value: visitingText(visit) })}
          </div>
          {visit.hostName && (
            <div>
              {t('labelValue', { label: t('pass.host'), value: visit.hostName })}
            </div>
          )}
          <div>
            {t('labelValue', { label: t('pass.time'), value: dateTimeText(visit.checkedInAt, timeZone) })}
          </div>
        </div>
      </div>
      <div style={{ fontSize: 10, marginTop: '2mm', textAlign: 'center' }}>{t('pass.note')}</div>
    </div>
  );
}
