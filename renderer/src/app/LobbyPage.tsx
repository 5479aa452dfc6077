// The always-on lobby screen: the panels each feature contributes, for the signed-in role. The desk (roles with no
// "My work" row, the receptionist first) gets one designed screen: the shift line and the key map across the top,
// then three columns — act now (the ring timer fixed at its top, visitors awaiting confirmation, escalations,
// callbacks due), registration, and the lists that grow — each scrolling inside itself. Other roles find their own
// work first ("My work": the supervisor's audit and escalations, the manager's items and weekly review, a
// department's forwarded items, the guard's handover and who is in the building), the rest under it.
import { Col, Divider, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contract/define';
import { useSession } from '../features/auth/session-store';
import { lobbyPanels, type LobbyPanel, type LobbyZone } from './registry';
import { KeyMap } from './KeyMap';
import './lobby.css';

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

const COLUMNS: Exclude<LobbyZone, 'bar'>[] = ['now', 'entry', 'lists'];

function DeskLobby({ panels, role }: { panels: LobbyPanel[]; role: Role }) {
  const { t } = useTranslation('common');
  const inZone = (zone: LobbyZone) => panels.filter((p) => p.zone === zone);
  return (
    <div className="ld-desk-lobby" data-testid="lobby">
      <div className="ld-desk-lobby-bar">
        <div className="ld-desk-lobby-bar-panels">
          {inZone('bar').map((p) => (
            <div key={p.key}>{p.element}</div>
          ))}
        </div>
        <KeyMap role={role} />
      </div>
      <div className="ld-desk-lobby-grid">
        {COLUMNS.map((zone) => (
          <section key={zone} className="ld-lobby-column" data-testid={`lobby-${zone}`} aria-label={t(`lobby.${zone}`)}>
            <h2 className="ld-lobby-zone-title">{t(`lobby.${zone}`)}</h2>
            {inZone(zone).some((p) => p.pinned) && (
              <div className="ld-lobby-pinned">
                {inZone(zone)
                  .filter((p) => p.pinned)
                  .map((p) => (
                    <div key={p.key}>{p.element}</div>
                  ))}
              </div>
            )}
            <div className="ld-lobby-scroll" data-testid={`lobby-${zone}-list`}>
              {inZone(zone)
                .filter((p) => !p.pinned)
                .map((p) => (
                  <div key={p.key}>{p.element}</div>
                ))}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

export function LobbyPage() {
  const { t } = useTranslation('common');
  const user = useSession((s) => s.user);
  if (!user) return null;
  const panels = lobbyPanels.filter((p) => p.roles.includes(user.role));
  const work = panels.filter((p) => p.workFor?.includes(user.role));
  const rest = panels.filter((p) => !work.includes(p));
  if (panels.length > 0 && work.length === 0) return <DeskLobby panels={panels} role={user.role} />;
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
