// The banner every staff screen shows while the audit trail has not checked out: the desk keeps working and
// says so; an administrator sees why and where to look.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../auth';
import type { TrailStatus } from '../../../../shared/contract/audit';

const REFRESH_MS = 5 * 60_000;
const listeners = new Set<(status: TrailStatus) => void>();

/** The trail's status, shared by the banner and the audit page (a verify there updates the banner at once). */
export function useTrailStatus(): { status: TrailStatus | null; refresh: () => Promise<void> } {
  const [status, setStatus] = useState<TrailStatus | null>(null);
  const refresh = useCallback(async () => {
    try {
      const next = await api.audit.status({});
      for (const l of listeners) l(next);
    } catch {
      /* signed out or offline: the next refresh tries again */
    }
  }, []);
  useEffect(() => {
    listeners.add(setStatus);
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      listeners.delete(setStatus);
      clearInterval(timer);
    };
  }, [refresh]);
  return { status, refresh };
}

export function TrailBanner() {
  const { t } = useTranslation('audit');
  const user = useSession((s) => s.user);
  const navigate = useNavigate();
  const { status } = useTrailStatus();
  if (!status || status.state === 'ok' || !user) return null;
  const admin = user.role === 'admin';
  const broken = status.state === 'broken';
  return (
    <Alert
      banner
      type={broken ? 'error' : 'warning'}
      showIcon
      data-testid="trail-banner"
      data-state={status.state}
      message={t(`banner.${status.state}.${admin ? 'admin' : 'desk'}`, { count: status.problemCount })}
      description={admin && status.problems.length > 0 ? status.problems.map((p) => p.message ?? p.code).join('；') : undefined}
      action={
        admin ? (
          <Button size="small" onClick={() => navigate('/admin')} data-testid="trail-banner-open">
            {t('banner.open')}
          </Button>
        ) : undefined
      }
    />
  );
}
