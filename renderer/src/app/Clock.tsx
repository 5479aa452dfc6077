// The lobby clock, in the building's time zone.
import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE } from '../../../shared/rules/time';

export function Clock({ timeZone = DEFAULT_TIME_ZONE }: { timeZone?: string }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const date = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(now);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(now);
  return (
    <span data-testid="clock">
      <Typography.Text strong style={{ fontSize: 20, color: '#fff', fontVariantNumeric: 'tabular-nums' }}>
        {time}
      </Typography.Text>{' '}
      <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>{date}</Typography.Text>
    </span>
  );
}
