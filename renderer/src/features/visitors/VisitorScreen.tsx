// The visitor self-registration screen (kiosk). Its idle state welcomes in the building's name (V-5).
// It talks only through the kiosk client: it never holds a staff session.
import { useCallback, useEffect, useState } from 'react';
import { Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { kioskApi, kioskClient, ApiError } from '../../api/client';
import { bridge } from '../../api/transport';
import { PairDevice } from '../devices/PairDevice';
import { LanguageSwitch } from '../../app/LanguageSwitch';

type State = { kind: 'loading' } | { kind: 'unpaired' } | { kind: 'welcome'; name: string; nameEn: string };

export function VisitorScreen() {
  const { t, i18n } = useTranslation('visitors');
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      if (bridge()?.screen !== 'visitor') {
        const me = await kioskApi.devices.whoami({});
        if (!me.device || me.device.kind !== 'kiosk') {
          setState({ kind: 'unpaired' });
          return;
        }
      }
      const status = await kioskApi.setup.status({});
      setState({ kind: 'welcome', name: status.building?.name ?? '', nameEn: status.building?.nameEn ?? '' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'device_required') {
        kioskClient.setDeviceToken(null);
        setState({ kind: 'unpaired' });
      } else throw e;
    }
  }, []);

  useEffect(() => {
    void load();
    const offBuilding = kioskClient.on('settings.buildingChanged', (b) => setState({ kind: 'welcome', name: b.name, nameEn: b.nameEn }));
    const offRevoked = kioskClient.onDeviceRefused(() => {
      kioskClient.setDeviceToken(null);
      setState({ kind: 'unpaired' });
    });
    return () => {
      offBuilding();
      offRevoked();
    };
  }, [load]);

  if (state.kind === 'loading') return <Spin fullscreen />;
  if (state.kind === 'unpaired') return <PairDevice client={kioskClient} onPaired={() => void load()} />;
  const building = i18n.language === 'en' && state.nameEn ? state.nameEn : state.name;
  return (
    <Flex vertical justify="center" align="center" gap={32} style={{ minHeight: '100vh', background: 'linear-gradient(160deg,#0b3d6e,#1a6fb3)', color: '#fff' }} data-testid="visitor-welcome">
      <div style={{ position: 'absolute', top: 24, right: 24 }}>
        <LanguageSwitch remember={false} size="large" />
      </div>
      <Typography.Title style={{ color: '#fff', fontSize: 56, margin: 0 }} data-testid="visitor-welcome-title">
        {t('welcome.title', { building })}
      </Typography.Title>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 28 }}>{t('welcome.subtitle')}</Typography.Text>
      <Button size="large" style={{ height: 72, fontSize: 28, paddingInline: 48 }} data-testid="visitor-start">
        {t('welcome.start')}
      </Button>
    </Flex>
  );
}
