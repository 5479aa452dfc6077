// The staff screens' frame: building, clock, who is signed in, lock / switch / sign out in the header; the
// pages of every feature in a side navigation (there are too many for one row).
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { Button, Dropdown, Flex, Layout, Menu, Typography } from 'antd';
import { DesktopOutlined, LockOutlined, LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../features/auth/session-store';
import { useBuilding } from '../ui/use-building';
import { Clock } from './Clock';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { shellAddOns, staffPages } from './registry';
import { TrailBanner } from '../features/audit/TrailBanner';
import { LiveQueries } from '../api/query';

const COLLAPSED_KEY = 'lobbyDesk.navCollapsed';
const FOLD_BELOW_PX = 1600;
/** Who was signed in at this screen last: another person signing in lands on the lobby, where their work is first. */
let lastUserId: string | null = null;

export function StaffLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation('common');
  const user = useSession((s) => s.user);
  const lock = useSession((s) => s.lock);
  const signOut = useSession((s) => s.signOut);
  const building = useBuilding();
  const navigate = useNavigate();
  const location = useLocation();
  // Folded on a 1366-wide lobby PC unless the person chose otherwise: the lobby's three columns need the width.
  const [collapsed, setCollapsed] = useState(() => {
    const chosen = localStorage.getItem(COLLAPSED_KEY);
    return chosen === null ? window.innerWidth < FOLD_BELOW_PX : chosen === '1';
  });
  const userId = user?.id ?? null;
  useEffect(() => {
    if (!userId) return;
    // The same person back after a lock stays where they were (their drafts with them); someone else lands on
    // the lobby and its "My work" row — unless the page is their work already (the guard on the handover he was
    // handed).
    const here = location.pathname.replace(/^\//, '');
    const theirWork = here === 'lobby' || staffPages.some((p) => p.path === here && user && p.workFor?.includes(user.role));
    if (lastUserId !== null && lastUserId !== userId && !theirWork) navigate('/lobby', { replace: true });
    lastUserId = userId;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the person changes
  }, [userId]);
  if (!user) return null;
  const current = location.pathname.replace(/^\//, '') || 'lobby';
  const items = [
    { key: 'lobby', icon: <DesktopOutlined />, label: t('nav.lobby') },
    ...staffPages.filter((p) => p.roles.includes(user.role)).map((p) => ({ key: p.path, icon: p.icon, label: t(`nav.${p.path}`) })),
  ];
  const buildingName = i18n.language === 'en' && building.nameEn ? building.nameEn : building.name;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <LiveQueries />
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 20 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', flex: 1 }} data-testid="building-name">
          {buildingName} · {t('appName')}
        </Typography.Text>
        <Clock timeZone={building.timeZone} />
        <Flex gap={8} align="center">
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: [
                { key: 'switch', icon: <SwapOutlined />, label: t('shell.switchPerson'), onClick: () => void lock('lock') },
                { key: 'signOut', icon: <LogoutOutlined />, label: t('shell.signOut'), onClick: () => void signOut() },
              ],
            }}
          >
            <Button icon={<UserOutlined />} data-testid="current-user">
              {t('shell.signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}
            </Button>
          </Dropdown>
          <Button type="primary" danger icon={<LockOutlined />} onClick={() => void lock('lock')} data-testid="lock-button">
            {t('shell.lock')}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={(value) => {
            setCollapsed(value);
            localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
          }}
          // English labels are longer ("Reception record"): the navigation is wider so none is cut off.
          width={i18n.language === 'en' ? 208 : 168}
          collapsedWidth={56}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <Menu mode="inline" selectedKeys={[current]} items={items} onClick={(e) => navigate(`/${e.key}`)} style={{ borderInlineEnd: 0 }} data-testid="nav" />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <TrailBanner />
          {children}
        </Layout.Content>
      </Layout>
      {shellAddOns
        .filter((a) => a.roles.includes(user.role))
        .map((a) => (
          <Fragment key={a.key}>{a.element}</Fragment>
        ))}
    </Layout>
  );
}
