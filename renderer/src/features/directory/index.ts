// What other features use of the tenant directory: the tenant picker and the unit field that finds a tenant.
export { TenantPicker, tenantLabel } from './TenantPicker';
export { TenantUnitInput, unitOf } from './TenantUnitInput';
export { TenantUnitField } from './TenantUnitField';
