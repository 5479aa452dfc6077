export interface NativeAbiCheck {
  ok: boolean;
  abi: number | null;
  expected: number;
  runtime: string;
}
export function nativeAbiOf(file: string): number | null;
export function electronAbi(electronVersion: string): number;
export function electronVersion(): string;
export function checkNativeAbi(file: string, runtime: 'node' | 'electron', version: string): NativeAbiCheck;
export function electronBuildEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
