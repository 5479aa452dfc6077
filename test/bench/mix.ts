// The load bench's mix: what 20 visitor screens and 5 staff screens do in a busy lobby, as a table. Extend it
// when a feature lands (visitor self-registration, check-in/out, call records, reception items …): one line per
// thing a screen does, with how often relative to the others. Inputs come from the contract's schemas (with a
// unique marker, so every acknowledged write is checked afterwards) or from `writeExamples`.
import type { Role } from '../../shared/contract/define';

export interface MixEntry {
  method: string;
  /** Which screens do it. */
  screens: 'visitor' | 'staff';
  /** How often, relative to the other entries of the same screens. */
  weight: number;
  /** For staff screens: only screens signed in with these roles (default: every role the method allows). */
  roles?: readonly Role[];
}

export interface ScreenPlan {
  visitorScreens: number;
  /** One staff screen per entry, signed in with that role. */
  staffRoles: readonly Role[];
  /** Pause between two actions of a screen, in ms (people read and type); scaled by --think-scale. */
  visitorThinkMs: readonly [number, number];
  staffThinkMs: readonly [number, number];
}

export const plan: ScreenPlan = {
  visitorScreens: 20,
  staffRoles: ['receptionist', 'receptionist', 'supervisor', 'security', 'admin'],
  visitorThinkMs: [500, 3000],
  staffThinkMs: [200, 1500],
};

export const mix: MixEntry[] = [
  // Visitor screens: the welcome state shows the building's name and checks the screen is still paired.
  { screens: 'visitor', method: 'setup.status', weight: 5 },
  { screens: 'visitor', method: 'devices.whoami', weight: 1 },
  // Staff screens: the lobby refreshes, lists are opened, people switch at the desk, admins change things.
  { screens: 'staff', method: 'auth.me', weight: 4 },
  { screens: 'staff', method: 'settings.building', weight: 2 },
  { screens: 'staff', method: 'settings.security', weight: 1 },
  { screens: 'staff', method: 'auth.signInChoices', weight: 1 },
  { screens: 'staff', method: 'auth.signIn', weight: 0.5 },
  { screens: 'staff', method: 'staff.list', weight: 2 },
  { screens: 'staff', method: 'audit.list', weight: 2 },
  { screens: 'staff', method: 'devices.list', weight: 0.5 },
  { screens: 'staff', method: 'backup.list', weight: 0.2 },
  { screens: 'staff', method: 'staff.create', weight: 0.5 },
  { screens: 'staff', method: 'staff.update', weight: 0.5 },
  { screens: 'staff', method: 'devices.createPairingCode', weight: 0.5 },
  { screens: 'staff', method: 'settings.updateBuilding', weight: 0.3 },
];
