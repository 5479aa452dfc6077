export interface ElectronRuntime {
  path: string | null;
  version?: string;
  reason: string | null;
}
export function findElectronRuntime(): ElectronRuntime;
export function electronPackageDir(): string;
