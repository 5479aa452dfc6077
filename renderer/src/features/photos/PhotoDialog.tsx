// The visitor photo (V-11): the separate consent comes first, and until it is ticked no camera is asked for —
// getUserMedia is called only by "open the camera" after consent. The frame is scaled down to 480 px wide JPEG in
// the browser, and the camera is released as soon as the dialog closes.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Modal, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Visit } from '../../../../shared/contract/visitors';

const WIDTH = 480;

export function PhotoDialog({ visit, retentionDays, onClose, onSaved }: { visit: Visit; retentionDays: number; onClose(): void; onSaved?(): void }) {
  const { t } = useTranslation('photos');
  const { message } = App.useApp();
  const [consent, setConsent] = useState(false);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [shot, setShot] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => () => stream?.getTracks().forEach((track) => track.stop()), [stream]);
  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => undefined);
    }
  }, [stream, shot]);

  const open = async () => {
    if (!consent) return; // never without the consent
    setError(null);
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false }));
    } catch (e) {
      setError(t('noCamera', { reason: (e as Error).message }));
    }
  };

  const capture = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = Math.round((v.videoHeight / v.videoWidth) * WIDTH);
    canvas.getContext('2d')!.drawImage(v, 0, 0, canvas.width, canvas.height);
    setShot(canvas.toDataURL('image/jpeg', 0.8));
  };

  const save = async () => {
    if (!shot) return;
    try {
      await api.photos.attach({ visitId: visit.id, consent: true, mime: 'image/jpeg', dataBase64: shot.replace(/^data:image\/jpeg;base64,/, '') });
      void message.success(t('saved'));
      onSaved?.();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Modal open title={t('title', { name: visit.visitorName })} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <Flex vertical gap={12} data-testid="photo-dialog">
        <Typography.Paragraph style={{ margin: 0 }}>{t('consentText', { days: retentionDays })}</Typography.Paragraph>
        <Checkbox checked={consent} disabled={stream !== null} onChange={(e) => setConsent(e.target.checked)} data-testid="photo-consent">
          {t('consent')}
        </Checkbox>
        {!stream && (
          <Button icon={<CameraOutlined />} disabled={!consent} onClick={() => void open()} data-testid="photo-open-camera">
            {t('openCamera')}
          </Button>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="photo-error" />}
        {stream && !shot && (
          <>
            <video ref={video} muted playsInline style={{ width: '100%', background: '#000' }} data-testid="photo-video" />
            <Button type="primary" onClick={capture} data-testid="photo-capture">
              {t('capture')}
            </Button>
          </>
        )}
        {shot && (
          <>
            <img src={shot} alt="" style={{ width: '100%' }} data-testid="photo-shot" />
            <Flex gap={8} justify="end">
              <Button onClick={() => setShot(null)}>{t('retake')}</Button>
              <Button type="primary" onClick={() => void save()} data-testid="photo-save">
                {t('save')}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Modal>
  );
}
