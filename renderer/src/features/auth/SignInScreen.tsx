// Sign-in and lock screen: pick a name, type the PIN. Fast switching is the same screen with another name.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Space, Typography, type InputRef } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useSession } from './session-store';
import type { Role } from '../../../../shared/contract/define';

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
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<InputRef>(null);

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
      await signIn(chosen.id, pin);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setPin('');
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const locked = status === 'locked';
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: 520 }} data-testid={locked ? 'lock-screen' : 'sign-in-screen'}>
        <Typography.Title level={3}>
          {locked ? <LockOutlined /> : <UserOutlined />} {locked ? t('lock.title') : t('signIn.title')}
        </Typography.Title>
        {locked && lockReason === 'idle' && <Alert type="info" showIcon message={t('lock.idle')} style={{ marginBottom: 16 }} />}
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
            <Flex gap={8}>
              <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="sign-in-submit">
                {locked && lockedUser?.id === chosen.id ? t('lock.unlock') : t('signIn.submit')}
              </Button>
              <Button size="large" onClick={() => { setChosen(null); setPin(''); setError(null); }}>
                {locked ? t('lock.other') : t('signIn.back')}
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
