// The lobby's visitor board (V-4): everyone in the building with time in and duration, sign-out by click, by typed pass number or by a keyboard-wedge QR scan, the overstay
// alert, and the printable roll-call list.
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Input, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { CameraOutlined, LogoutOutlined, PrinterOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { useBuilding } from '../../ui/use-building';
import { useWedgeScan } from '../../ui/wedge';
import { looksLikeScannedPass } from '../../../../shared/rules/visitor-pass';
import type { Visit } from '../../../../shared/contract/visitors';
import { peopleCount, useVisitors } from './store';
import { useNow } from '../../ui/use-now';
import { stayText, timeText, visitingText } from './format';
import { EndOfDayRoll } from './EndOfDayRoll';
import { usePassPrinter } from './DeskRegistration';
import { usePrintView } from '../../ui/print-view';
import { RollCall } from './print/RollCall';
import { PhotoDialog } from '../photos';
import { NotificationTags } from '../notify';
import { DESK_KEYS } from '../../../../shared/rules/accelerator';

export function VisitorsBoard() {
  const { t, i18n } = useTranslation('visitors');
  const { message } = App.useApp();
  const { inBuilding, overstayMinutes, settings, load, listen } = useVisitors();
  const building = useBuilding();
  useNow(); // re-renders the durations; each render reads the clock afresh
  const now = Date.now();
  const [photographing, setPhotographing] = useState<Visit | null>(null);
  const [pass, setPass] = useState('');
  const [passError, setPassError] = useState<string | null>(null);
  const passRef = useRef<InputRef>(null);
  const { view: passView, printPass } = usePassPrinter();
  const photosOffered = useApiQuery('photos', 'settings', {}).data?.enabled ?? false;
  const reprintWithPhoto = async (visit: Visit) => {
    if ((await api.photos.settings({})).onPass) await printPass(visit);
  };
  const { view: rollCallView, print } = usePrintView();

  useEffect(() => {
    void load();
    const off = listen();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === DESK_KEYS.signOutBox) {
        e.preventDefault();
        passRef.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [load, listen]);

  const signOutByPass = async (value: string) => {
    if (!value.trim()) return;
    setPassError(null);
    try {
      const visit = await api.visitors.signOutByPass({ pass: value, via: looksLikeScannedPass(value) ? 'scan' : 'pass' });
      void message.success(t('inBuilding.signedOut', { name: visit.visitorName, pass: visit.passNumber }));
      setPass('');
      void load();
    } catch (e) {
      setPassError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
    }
  };
  // A scanned pass (LDV-…) signs out; a scanned invitation (LDI-…) is the expected-visitors panel's.
  useWedgeScan(looksLikeScannedPass, (scanned) => {
    const text = scanned.toUpperCase();
    // What an input method left in the sign-out box is replaced by what was scanned.
    setPass(text);
    void signOutByPass(text);
  });

  const signOut = async (visit: Visit) => {
    try {
      await api.visitors.signOut({ id: visit.id });
      void message.success(t('inBuilding.signedOut', { name: visit.visitorName, pass: visit.passNumber }));
      void load();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const buildingName = i18n.language === 'en' && building.nameEn ? building.nameEn : building.name;
  const overstays = inBuilding.filter((v) => v.overstay);

  return (
    <Flex vertical gap={16}>
      {passView}
      {rollCallView}
      <EndOfDayRoll />
      <Card
        size="small"
        title={
          <Flex gap={8} align="center">
            <TeamOutlined /> {t('inBuilding.title')}
            <Typography.Text type="secondary" data-testid="in-building-count">
              {t('inBuilding.count', { visits: inBuilding.length, people: peopleCount(inBuilding) })}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Button size="small" icon={<PrinterOutlined />} onClick={() => void print(<RollCall visits={inBuilding} building={buildingName} now={Date.now()} />)} data-testid="print-roll-call">
            {t('inBuilding.rollCall')}
          </Button>
        }
        data-testid="in-building-panel"
      >
        <Space.Compact style={{ width: '100%' }}>
          <Input
            ref={passRef}
            value={pass}
            onChange={(e) => {
              setPass(e.target.value);
              setPassError(null);
            }}
            onPressEnter={() => void signOutByPass(pass)}
            placeholder={t('inBuilding.signOutBox')}
            status={passError ? 'error' : undefined}
            autoComplete="off"
            data-scan-target
            data-testid="signout-pass"
          />
          <Button type="primary" icon={<LogoutOutlined />} autoInsertSpace={false} onClick={() => void signOutByPass(pass)}>
            {t('inBuilding.signOut')}
          </Button>
        </Space.Compact>
        {passError && (
          <Typography.Text type="danger" data-testid="signout-error">
            {passError}
          </Typography.Text>
        )}
        {overstays.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('inBuilding.overstayAlert', { minutes: overstayMinutes })} data-testid="overstay-alert" />}
        <Table<Visit>
          rowKey="id"
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          // A narrow lobby column scrolls the table sideways rather than squeezing names into one character.
          scroll={{ x: 'max-content' }}
          dataSource={inBuilding}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inBuilding.none')} /> }}
          onRow={(v) => ({ 'data-testid': `in-building-${v.visitorName}`, style: v.overstay ? { background: '#fff7e6' } : undefined }) as HTMLAttributes<HTMLElement>}
          data-testid="in-building-table"
          columns={[
            { title: t('field.pass'), dataIndex: 'passNumber', width: 90 },
            {
              title: t('field.visitorName'),
              render: (_: unknown, v) => (
                <>
                  {v.visitorName}
                  {v.partySize > 1 && <Typography.Text type="secondary"> ×{v.partySize}</Typography.Text>}
                  {v.watchMatches.length > 0 && <Tag color="red" style={{ marginLeft: 4 }}>{t('watch.badge')}</Tag>}
                </>
              ),
            },
            { title: t('field.tenant'), render: (_: unknown, v) => visitingText(v) },
            {
              title: t('field.hostName'),
              render: (_: unknown, v) => (
                <>
                  {v.hostName}
                  <NotificationTags subjectKind="visit" subjectId={v.id} />
                </>
              ),
            },
            { title: t('inBuilding.since'), width: 64, render: (_: unknown, v) => timeText(v.checkedInAt, building.timeZone) },
            {
              title: t('inBuilding.duration'),
              width: 110,
              render: (_: unknown, v) => (
                <>
                  {stayText(t, v.checkedInAt ?? now, Math.max(now, v.checkedInAt ?? now))}
                  {v.overstay && <Tag color="orange" style={{ marginLeft: 4 }}>{t('inBuilding.overstay')}</Tag>}
                </>
              ),
            },
            {
              title: '',
              width: 190,
              render: (_: unknown, v) => (
                <Flex gap={4}>
                  <Button size="small" icon={<PrinterOutlined />} onClick={() => void printPass(v)}>
                    {t('inBuilding.print')}
                  </Button>
                  {photosOffered && (
                    <Button size="small" icon={<CameraOutlined />} onClick={() => setPhotographing(v)} data-testid={`photo-${v.visitorName}`} />
                  )}
                  <Button size="small" autoInsertSpace={false} onClick={() => void signOut(v)} data-testid={`sign-out-${v.visitorName}`}>
                    {t('inBuilding.signOut')}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {photographing && (
        <PhotoDialog
          visit={photographing}
          retentionDays={settings?.retentionDays ?? 180}
          onClose={() => setPhotographing(null)}
          // A building that prints photos on passes gets the pass again, now with the photo (V-11).
          onSaved={() => void reprintWithPhoto(photographing)}
        />
      )}
    </Flex>
  );
}
