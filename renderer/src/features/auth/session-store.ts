// Who is signed in at this screen, the lock state, and the idle lock.
import { create } from 'zustand';
import { api, staffClient, ApiError } from '../../api/client';
import type { SignedInUser } from '../../../../shared/contract/auth';

type Status = 'unknown' | 'signedOut' | 'signedIn' | 'locked';

interface SessionState {
  status: Status;
  user: SignedInUser | null;
  /** Who locked the screen (offered first on the lock screen). */
  lockedUser: Pick<SignedInUser, 'id' | 'name'> | null;
  lockReason: 'lock' | 'idle' | null;
  idleLockMinutes: number;
  restore(): Promise<void>;
  /** `unlock`: a supervisor's own PIN, given at the same screen, lifts a lock for this sign-in. */
  signIn(userId: string, pin: string, unlock?: { userId: string; pin: string }): Promise<void>;
  lock(reason: 'lock' | 'idle'): Promise<void>;
  signOut(): Promise<void>;
  /** A call said the session is gone (expired, ended elsewhere): back to the lock screen. */
  sessionLost(): void;
}

const LOCKED_KEY = 'lobbyDesk.lockedUser';

function rememberLocked(user: Pick<SignedInUser, 'id' | 'name'> | null): void {
  if (user) sessionStorage.setItem(LOCKED_KEY, JSON.stringify(user));
  else sessionStorage.removeItem(LOCKED_KEY);
}

function recallLocked(): Pick<SignedInUser, 'id' | 'name'> | null {
  try {
    const raw = sessionStorage.getItem(LOCKED_KEY);
    return raw ? (JSON.parse(raw) as Pick<SignedInUser, 'id' | 'name'>) : null;
  } catch {
    return null;
  }
}

export const useSession = create<SessionState>((set, get) => ({
  status: 'unknown',
  user: null,
  lockedUser: null,
  lockReason: null,
  idleLockMinutes: 5,

  async restore() {
    if (!staffClient.credentials().sessionToken) {
      const locked = recallLocked();
      set({ status: locked ? 'locked' : 'signedOut', lockedUser: locked });
      return;
    }
    try {
      const me = await api.auth.me({});
      set({ status: 'signedIn', user: me.user, idleLockMinutes: me.idleLockMinutes });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        staffClient.setSessionToken(null);
        const locked = recallLocked();
        set({ status: locked ? 'locked' : 'signedOut', user: null, lockedUser: locked });
      } else throw error;
    }
  },

  async signIn(userId, pin, unlock) {
    const session = await api.auth.signIn(unlock ? { userId, pin, unlock } : { userId, pin });
    staffClient.setSessionToken(session.token);
    rememberLocked(null);
    set({ status: 'signedIn', user: session.user, idleLockMinutes: session.idleLockMinutes, lockedUser: null, lockReason: null });
  },

  async lock(reason) {
    const user = get().user;
    try {
      await api.auth.signOut({ reason });
    } catch {
      /* the session may already be gone; locking locally is what matters */
    }
    staffClient.setSessionToken(null);
    const locked = user ? { id: user.id, name: user.name } : null;
    rememberLocked(locked);
    set({ status: 'locked', user: null, lockedUser: locked, lockReason: reason });
  },

  async signOut() {
    try {
      await api.auth.signOut({ reason: 'signOut' });
    } catch {
      /* already ended */
    }
    staffClient.setSessionToken(null);
    rememberLocked(null);
    set({ status: 'signedOut', user: null, lockedUser: null, lockReason: null });
  },

  sessionLost() {
    const user = get().user;
    staffClient.setSessionToken(null);
    const locked = user ? { id: user.id, name: user.name } : get().lockedUser;
    rememberLocked(locked);
    set({ status: locked ? 'locked' : 'signedOut', user: null, lockedUser: locked, lockReason: null });
  },
}));
