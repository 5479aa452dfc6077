// The always-on lobby screen: the panels each feature contributes, for the signed-in role. Roles other than the
// receptionist find their own work first ("My work": the supervisor's audit and escalations, the manager's items
// and weekly review, a department's forwarded items, the guard's handover and who is in the building) — the
// lobby is where everyone lands after signing in.
import { Col, Divider, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session-store';
import { lobbyPanels, type LobbyPanel } from './registry';

function Panels({ panels }: { panels: LobbyPanel[] }) {
  return (
    <Row gutter={[16, 16]}>
      {panels.map((p) => (
        <Col key={p.key} xs={24} xl={p.span}>
          {p.element}
        </Col>
      ))}
    </Row>
  );
}

export function LobbyPage() {
  const { t } = useTranslation('common');
  const user = useSession((s) => s.user);
  if (!user) return null;
  const panels = lobbyPanels.filter((p) => p.roles.includes(user.role));
  const work = panels.filter((p) => p.workFor?.includes(user.role));
  const rest = panels.filter((p) => !work.includes(p));
  return (
    <div data-testid="lobby">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('lobby.welcome', { name: user.name })}
      </Typography.Title>
      {panels.length === 0 ? (
        <Empty description={t('lobby.noPanels')} />
      ) : (
        <>
          {work.length > 0 && (
            <section data-testid="my-work" style={{ marginBottom: 16 }}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('landing:title')}
              </Typography.Title>
              <Panels panels={work} />
              {rest.length > 0 && <Divider style={{ marginBlock: 16 }} />}
            </section>
          )}
          <Panels panels={rest} />
        </>
      )}
    </div>
  );
}
