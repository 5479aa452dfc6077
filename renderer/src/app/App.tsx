// Routes and providers: Ant Design in the screen's language, hash routes for every screen.
import { useEffect } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StaffGate } from './StaffGate';
import { LobbyPage } from './LobbyPage';
import { staffPages } from './registry';
import { SetupScreen } from '../features/setup/SetupScreen';
import { VisitorScreen } from '../features/visitors/VisitorScreen';
import { useBuilding } from '../ui/use-building';
import { staffClient, kioskClient } from '../api/client';
import { ApiProvider } from '../api/query';
import { useSession } from '../features/auth/session-store';

function SetupRoute() {
  const building = useBuilding();
  useEffect(() => {
    void building.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (building.loaded && !building.needsSetup) return <Navigate to="/lobby" replace />;
  return (
    <SetupScreen
      onDone={() => {
        void building.load();
        void useSession.getState().restore();
      }}
    />
  );
}

const router = createHashRouter([
  { path: '/visitor', element: <VisitorScreen /> },
  { path: '/setup', element: <SetupRoute /> },
  {
    element: <StaffGate />,
    children: [{ path: '/lobby', element: <LobbyPage /> }, ...staffPages.map((p) => ({ path: `/${p.path}`, element: p.element }))],
  },
  { path: '*', element: <Navigate to="/lobby" replace /> },
]);

export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    staffClient.setLanguage(lang);
    kioskClient.setLanguage(lang);
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { fontSize: 15 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiProvider>
          <RouterProvider router={router} />
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}
