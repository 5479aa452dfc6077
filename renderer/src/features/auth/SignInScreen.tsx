// Sign-in and lock screen: pick a name, type the PIN. Fast switching is the same screen with another name.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Space, Typography, type InputRef } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useSession } from './session-store';
import { LEADS, type Role } from '../../../../shared/contract/define';

interface Person {
  id: string;
  name: string;
  role: Role;
  lastSignInAt: number | null;
}

export function SignInScreen() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const status = useSession((s) => s.status);
  const lockedUser = useSession((s) => s.lockedUser);
  const lockReason = useSession((s) => s.lockReason);
  const signIn = useSession((s) => s.signIn);
  const [people, setPeople] = useState<Person[] | null>(null);
  const [chosen, setChosen] = useState<Pick<Person, 'id' | 'name'> | null>(lockedUser);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [lockedOut, setLockedOut] = useState(false);
  // A supervisor's unlock: who vouches, and their own PIN. Used for one sign-in only.
  const [unlocking, setUnlocking] = useState(false);
  const [lead, setLead] = useState<Pick<Person, 'id' | 'name'> | null>(null);
  const [leadPin, setLeadPin] = useState('');
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<InputRef>(null);

  const resetUnlock = () => {
    setUnlocking(false);
    setLead(null);
    setLeadPin('');
    setLockedOut(false);
  };

  useEffect(() => {
    void api.auth.signInChoices({}).then((r) => setPeople(r.people));
  }, []);
  useEffect(() => {
    if (chosen) pinRef.current?.focus();
  }, [chosen]);

  const submit = async () => {
    if (!chosen || busy) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(chosen.id, pin, unlocking && lead ? { userId: lead.id, pin: leadPin } : undefined);
      resetUnlock();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.code === 'rate_limited') setLockedOut(true);
      setPin('');
      setLeadPin('');
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const screenLocked = status === 'locked';
  const leads = (people ?? []).filter((p) => LEADS.includes(p.role) && p.id !== chosen?.id);
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: 520 }} data-testid={screenLocked ? 'lock-screen' : 'sign-in-screen'}>
        <Typography.Title level={3}>
          {screenLocked ? <LockOutlined /> : <UserOutlined />} {screenLocked ? t('lock.title') : t('signIn.title')}
        </Typography.Title>
        {screenLocked && lockReason === 'idle' && <Alert type="info" showIcon message={t('lock.idle')} style={{ marginBottom: 16 }} />}
        {chosen ? (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="chosen-person">
              {chosen.name}
            </Typography.Text>
            <Input.Password
              ref={pinRef}
              size="large"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('signIn.pin')}
              aria-label={t('signIn.pin')}
              value={pin}
              maxLength={8}
              onChange={(e) => setPin(e.target.value)}
              onPressEnter={() => void submit()}
              data-testid="pin-input"
            />
            {error && <Alert type="error" showIcon message={error} data-testid="sign-in-error" />}
            {lockedOut && !unlocking && leads.length > 0 && (
              <Button type="link" onClick={() => setUnlocking(true)} data-testid="unlock-start" style={{ padding: 0 }}>
                {t('unlock.start')}
              </Button>
            )}
            {unlocking && (
              <Card size="small" title={t('unlock.title')} data-testid="unlock-panel">
                <Typography.Paragraph type="secondary">{t('unlock.hint', { name: chosen.name })}</Typography.Paragraph>
                <Flex wrap gap={8} style={{ marginBottom: 8 }}>
                  {leads.map((p) => (
                    <Button key={p.id} type={lead?.id === p.id ? 'primary' : 'default'} onClick={() => setLead(p)} data-testid={`unlock-by-${p.name}`}>
                      {p.name}
                      <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                        {tc(`roles.${p.role}`)}
                      </Typography.Text>
                    </Button>
                  ))}
                </Flex>
                {lead && (
                  <Input.Password
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder={t('unlock.pin', { name: lead.name })}
                    aria-label={t('unlock.pin', { name: lead.name })}
                    value={leadPin}
                    maxLength={8}
                    onChange={(e) => setLeadPin(e.target.value)}
                    onPressEnter={() => pinRef.current?.focus()}
                    data-testid="unlock-pin"
                  />
                )}
              </Card>
            )}
            <Flex gap={8}>
              <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="sign-in-submit">
                {screenLocked && lockedUser?.id === chosen.id ? t('lock.unlock') : t('signIn.submit')}
              </Button>
              <Button size="large" onClick={() => { setChosen(null); setPin(''); setError(null); resetUnlock(); }}>
                {screenLocked ? t('lock.other') : t('signIn.back')}
              </Button>
            </Flex>
          </Space>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('signIn.choose')}</Typography.Text>
            {people === null ? (
              <Typography.Text>{tc('loading')}</Typography.Text>
            ) : people.length === 0 ? (
              <Typography.Text>{t('signIn.noPeople')}</Typography.Text>
            ) : (
              <Flex wrap gap={8}>
                {people.map((p) => (
                  <Button key={p.id} size="large" onClick={() => setChosen(p)} data-testid={`person-${p.name}`}>
                    {p.name}
                    <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                      {tc(`roles.${p.role}`)}
                    </Typography.Text>
                  </Button>
                ))}
              </Flex>
            )}
          </Space>
        )}
      </Card>
    </Flex>
  );
}
