// The visitor screen's large touch layout.
import type { CSSProperties } from 'react';

export const KIOSK_BLUE = '#0b3d6e';

export const page: CSSProperties = { minHeight: '100vh', background: '#f3f6fa', display: 'flex', flexDirection: 'column' };
export const header: CSSProperties = {
  background: `linear-gradient(120deg, ${KIOSK_BLUE}, #1a6fb3)`,
  color: '#fff',
  padding: '12px 32px',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  fontSize: 26,
};
export const body: CSSProperties = { flex: 1, width: '100%', maxWidth: 980, margin: '0 auto', padding: '20px 32px', boxSizing: 'border-box' };
/** The header's buttons (home, language): smaller than the steps' buttons, still a 56 px touch target (V-5). */
export const headerButton: CSSProperties = { height: 56, fontSize: 20, paddingInline: 20 };
export const bigButton: CSSProperties = { height: 72, fontSize: 26, paddingInline: 48, borderRadius: 12 };
export const label: CSSProperties = { fontSize: 22 };
export const input: CSSProperties = { fontSize: 24, height: 60 };
export const card: CSSProperties = { background: '#fff', borderRadius: 16, padding: 24, boxShadow: '0 2px 12px rgba(0,0,0,0.06)' };
