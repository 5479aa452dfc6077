// The always-on lobby screen: the panels each feature contributes, for the signed-in role.
import { Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session-store';
import { lobbyPanels } from './registry';

export function LobbyPage() {
  const { t } = useTranslation('common');
  const user = useSession((s) => s.user);
  if (!user) return null;
  const panels = lobbyPanels.filter((p) => p.roles.includes(user.role));
  return (
    <div data-testid="lobby">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('lobby.welcome', { name: user.name })}
      </Typography.Title>
      {panels.length === 0 ? (
        <Empty description={t('lobby.noPanels')} />
      ) : (
        <Row gutter={[16, 16]}>
          {panels.map((p) => (
            <Col key={p.key} xs={24} xl={p.span}>
              {p.element}
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
