// The building blocks of the contract: methods, events, roles, and the client type derived from them.
import type { z } from 'zod';

export const ROLES = ['receptionist', 'supervisor', 'manager', 'security', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a method:
 * - a staff role (a signed-in person),
 * - 'kiosk' (a paired visitor screen, anonymous visitor in front of it),
 * - 'public' (anyone who reached the server, signed in or not: sign-in, first-run setup, pairing).
 */
export type Principal = Role | 'kiosk' | 'public';

export const STAFF: readonly Role[] = ROLES;
export const DESK: readonly Role[] = ['receptionist', 'supervisor', 'manager', 'admin'];
export const LEADS: readonly Role[] = ['supervisor', 'manager', 'admin'];
export const ADMIN: readonly Role[] = ['admin'];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  allow: readonly Principal[];
  /** 'mutation' runs in one write transaction and is audited; 'query' only reads. */
  kind: 'query' | 'mutation';
  /** One line for readers of the contract and of docs/api. */
  summary: string;
  /**
   * Largest request body this method accepts over HTTP, in bytes, when it needs more than the server's default
   * (uploads sent as base64). Every other method keeps the default.
   */
  bodyLimit?: number;
}

export function query<I extends z.ZodType, O extends z.ZodType>(spec: Omit<MethodSpec<I, O>, 'kind'>): MethodSpec<I, O> {
  return { ...spec, kind: 'query' };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(spec: Omit<MethodSpec<I, O>, 'kind'>): MethodSpec<I, O> {
  return { ...spec, kind: 'mutation' };
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  /** Who receives it. An event can additionally be addressed to one device or one person when emitted. */
  audience: readonly (Role | 'kiosk')[];
  summary: string;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}

export type FeatureMethods = Record<string, MethodSpec>;
export type FeatureEvents = Record<string, EventSpec>;

type Join<F extends string, M extends string> = `${F}.${M}`;

/** `'visitors.register'` for `{ visitors: { register } }`. */
export type MethodName<C extends Record<string, FeatureMethods>> = {
  [F in keyof C & string]: Join<F, keyof C[F] & string>;
}[keyof C & string];

export type SpecOf<C extends Record<string, FeatureMethods>, N extends string> =
  N extends `${infer F}.${infer M}` ? (F extends keyof C ? (M extends keyof C[F] ? C[F][M] : never) : never) : never;

export type InputOf<S> = S extends MethodSpec<infer I, z.ZodType> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends MethodSpec<infer I, z.ZodType> ? z.output<I> : never;
export type OutputOf<S> = S extends MethodSpec<z.ZodType, infer O> ? z.output<O> : never;
export type HandlerResultOf<S> = S extends MethodSpec<z.ZodType, infer O> ? z.input<O> : never;

/** `api.visitors.register(draft): Promise<Visit>` */
export type ClientOf<C extends Record<string, FeatureMethods>> = {
  [F in keyof C]: {
    [M in keyof C[F]]: C[F][M] extends MethodSpec
      ? (input: InputOf<C[F][M]>) => Promise<OutputOf<C[F][M]>>
      : never;
  };
};

export type PayloadOf<E> = E extends EventSpec<infer P> ? z.output<P> : never;
