// Shown on a screen that must be paired first (a visitor tablet, a LAN terminal): enter the admin's code. Centred,
// with touch-sized field and button (≥ 48 px): the tablet may have no keyboard but its own.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiClient } from '../../api/client';

export function PairDevice({ client, onPaired }: { client: ApiClient; onPaired: () => void }) {
  const { t } = useTranslation('devices');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      const result = await client.api.devices.pair({ code });
      client.setDeviceToken(result.token);
      onPaired();
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
    }
  };
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16, boxSizing: 'border-box' }}>
      <Card style={{ width: 'min(560px, 100%)' }} title={t('pairTitle')} data-testid="pair-device">
        <Typography.Paragraph>{t('pairIntro')}</Typography.Paragraph>
        <Flex gap={8}>
          <Input
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => void submit()}
            placeholder="XXXX-XXXX"
            style={{ height: 56, fontSize: 22 }}
            data-testid="pair-code"
          />
          <Button size="large" type="primary" style={{ height: 56, fontSize: 20 }} onClick={() => void submit()} data-testid="pair-submit">
            {t('pairSubmit')}
          </Button>
        </Flex>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="pair-error" />}
      </Card>
    </Flex>
  );
}
