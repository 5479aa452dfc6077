// In front of every staff screen: first-run setup, device pairing on the LAN, sign-in or the lock screen.
import { useEffect, useState } from 'react';
import { Navigate, Outlet } from 'react-router';
import { Spin } from 'antd';
import { useBuilding } from '../ui/use-building';
import { useSession } from '../features/auth/session-store';
import { useIdleLock } from '../features/auth/use-idle-lock';
import { SignInScreen } from '../features/auth/SignInScreen';
import { PairDevice } from '../features/devices/PairDevice';
import { StaffLayout } from './StaffLayout';
import { ApiError, staffClient } from '../api/client';
import { usePhone } from '../features/calls/calls-store';

export function StaffGate() {
  const building = useBuilding();
  const status = useSession((s) => s.status);
  const restore = useSession((s) => s.restore);
  const [unpaired, setUnpaired] = useState(false);
  // A call in conversation holds the idle lock off.
  useIdleLock(() => usePhone.getState().inProgress.length > 0);

  useEffect(() => {
    const start = async () => {
      try {
        await building.load();
        await restore();
      } catch (e) {
        if (e instanceof ApiError && e.code === 'device_required') setUnpaired(true);
        else throw e;
      }
    };
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (unpaired) return <PairDevice client={staffClient} onPaired={() => window.location.reload()} />;
  if (!building.loaded || status === 'unknown') return <Spin fullscreen />;
  if (building.needsSetup) return <Navigate to="/setup" replace />;
  if (status !== 'signedIn') return <SignInScreen key={status} />;
  return (
    <StaffLayout>
      <Outlet />
    </StaffLayout>
  );
}
