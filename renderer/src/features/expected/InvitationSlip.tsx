// The printed invitation (V-8): the building, the visitor, when it is valid, and the code as text and QR.
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { Expected } from '../../../../shared/contract/expected';

export async function invitationQr(code: string): Promise<string> {
  return QRCode.toDataURL(code, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
}

export function InvitationSlip({ expected, qr, building }: { expected: Expected; qr: string; building: string }) {
  const { t } = useTranslation('expected');
  const when =
    expected.recurrence === 'once'
      ? `${expected.date} ${expected.startTime}–${expected.endTime}`
      : `${expected.date} – ${expected.until} ${t(`form.${expected.recurrence}`)} ${expected.startTime}–${expected.endTime}`;
  return (
    <div style={{ width: '80mm', border: '1px solid #000', padding: '4mm', boxSizing: 'border-box' }} data-testid="invitation-slip">
      <div style={{ textAlign: 'center', fontSize: 14 }}>{building}</div>
      <div style={{ textAlign: 'center', fontSize: 20, fontWeight: 700 }}>{t('slip.title')}</div>
      <div style={{ fontSize: 16, fontWeight: 700, marginTop: '2mm' }}>{expected.visitorName}</div>
      <div style={{ fontSize: 12 }}>
        {t('slip.visiting')}：{expected.tenant.displayName}
      </div>
      <div style={{ fontSize: 12 }}>
        {t('slip.valid')}：{when}
      </div>
      <div style={{ display: 'flex', justifyContent: 'center', margin: '2mm 0' }}>
        <img src={qr} alt={expected.code} style={{ width: '32mm', height: '32mm' }} />
      </div>
      <div style={{ textAlign: 'center', fontSize: 16, fontFamily: 'monospace', letterSpacing: 1 }} data-testid="invitation-code">
        {expected.code}
      </div>
      <div style={{ fontSize: 10, marginTop: '2mm' }}>{t('slip.note')}</div>
    </div>
  );
}
