// Paired devices: visitor screens (capability `kiosk`) and staff terminals on the LAN (`desk`).
import { z } from 'zod';
import { mutation, query, ADMIN } from './define';
import { id, required, text, empty, ok } from './fields';

export const DEVICE_KINDS = ['kiosk', 'desk'] as const;

export const Device = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(DEVICE_KINDS),
  pairedAt: z.number(),
  lastSeenAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
});
export type Device = z.infer<typeof Device>;

export const devices = {
  createPairingCode: mutation({
    summary: 'Issue a one-time code that pairs a visitor screen or a staff terminal (valid 10 minutes).',
    input: z.strictObject({ name: required(40), kind: z.enum(DEVICE_KINDS) }),
    output: z.object({ code: z.string(), expiresAt: z.number() }),
    allow: ADMIN,
  }),
  pair: mutation({
    summary: 'Exchange a pairing code for this device’s token (shown once, kept by the device).',
    input: z.strictObject({ code: text(20, { min: 1 }) }),
    output: z.object({ device: Device, token: z.string() }),
    allow: ['public', 'kiosk'],
  }),
  whoami: query({
    summary: 'The paired device making the call, if any.',
    input: empty(),
    output: z.object({ device: z.object({ id: z.string(), name: z.string(), kind: z.enum(DEVICE_KINDS) }).nullable() }),
    allow: ['public', 'kiosk'],
  }),
  list: query({
    summary: 'All paired devices, revoked ones included.',
    input: empty(),
    output: z.object({ devices: z.array(Device) }),
    allow: ADMIN,
  }),
  revoke: mutation({
    summary: 'Revoke a device: its token stops working at once.',
    input: z.strictObject({ id: id() }),
    output: ok(),
    allow: ADMIN,
  }),
};
