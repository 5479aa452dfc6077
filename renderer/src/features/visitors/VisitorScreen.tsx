// The visitor self-registration screen (kiosk, V-2, V-5). Idle, it welcomes in the building's name with the
// public notices; Start begins one visitor's registration, which is thrown away (state and language) when the
// visitor is done or after 60 s without input. It talks only through the kiosk client: never a staff session.
import { useCallback, useEffect, useState } from 'react';
import { Spin } from 'antd';
import { kioskApi, kioskClient, ApiError } from '../../api/client';
import { bridge } from '../../api/transport';
import { setLanguage } from '../../i18n';
import { PairDevice } from '../devices';
import type { KioskWelcome } from '../../../../shared/contract/visitors';
import { Welcome } from './kiosk/Welcome';
import { VisitFlow } from './kiosk/VisitFlow';
import { InvitationFlow } from '../expected';

type State = { kind: 'loading' } | { kind: 'unpaired' } | { kind: 'ready'; welcome: KioskWelcome };

export function VisitorScreen() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  /** Each visitor's registration gets a fresh key: a new visitor starts from nothing. */
  const [visit, setVisit] = useState<{ key: number; kind: 'register' | 'invitation' } | null>(null);

  const load = useCallback(async () => {
    try {
      if (bridge()?.screen !== 'visitor') {
        const me = await kioskApi.devices.whoami({});
        if (!me.device || me.device.kind !== 'kiosk') {
          setState({ kind: 'unpaired' });
          return;
        }
      }
      setState({ kind: 'ready', welcome: await kioskApi.visitors.kioskWelcome({}) });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'device_required') {
        kioskClient.setDeviceToken(null);
        setState({ kind: 'unpaired' });
      } else throw e;
    }
  }, []);

  const backToWelcome = useCallback(() => {
    setVisit(null);
    // Language is per visit: the next visitor starts in Chinese.
    setLanguage('zh-CN', false);
    kioskClient.setLanguage('zh-CN');
    void load();
  }, [load]);

  useEffect(() => {
    setLanguage('zh-CN', false);
    void load();
    const offBuilding = kioskClient.on('settings.buildingChanged', () => void load());
    const offNotices = kioskClient.on('notices.changed', () => void load());
    const offRevoked = kioskClient.onDeviceRefused(() => {
      kioskClient.setDeviceToken(null);
      setVisit(null);
      setState({ kind: 'unpaired' });
    });
    return () => {
      offBuilding();
      offNotices();
      offRevoked();
    };
  }, [load]);

  if (state.kind === 'loading') return <Spin fullscreen />;
  if (state.kind === 'unpaired') return <PairDevice client={kioskClient} onPaired={() => void load()} />;
  if (visit === null) {
    return (
      <Welcome welcome={state.welcome} onStart={() => setVisit({ key: Date.now(), kind: 'register' })} onInvitation={() => setVisit({ key: Date.now(), kind: 'invitation' })} />
    );
  }
  if (visit.kind === 'invitation') return <InvitationFlow key={visit.key} welcome={state.welcome} onDone={backToWelcome} />;
  return <VisitFlow key={visit.key} welcome={state.welcome} onDone={backToWelcome} />;
}
