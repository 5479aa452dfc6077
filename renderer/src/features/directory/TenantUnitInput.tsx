// A unit / room field that suggests tenants from the directory as one types (name, pinyin initials, floor, room,
// contact name): choosing one writes its floor and room into the field and hands the tenant to the form. Free text
// stays possible — not every caller is in the directory. Used by the call record and the reception record.
import { useRef, useState } from 'react';
import { AutoComplete, Input, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { Tenant } from '../../../../shared/contract/directory';
import { useNoTabStop } from '../../ui/keyboard';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  /** A tenant was chosen from the suggestions. */
  onTenant(tenant: Tenant): void;
  /** The tenant linked now, shown in the field with a × that unlinks it (the text stays). */
  tenantName?: string | null;
  onClearTenant?(): void;
  /** data-testid of the tenant's tag. */
  tenantTestId?: string;
  placeholder?: string;
  autoFocus?: boolean;
  testId: string;
}

/** Where a tenant is, as a unit field holds it: '12F 1201', or '12F' without a room. */
export function unitOf(tenant: Pick<Tenant, 'floor' | 'room'>): string {
  return tenant.room ? `${tenant.floor}F ${tenant.room}` : `${tenant.floor}F`;
}

export function TenantUnitInput({ value, onChange, onTenant, tenantName, onClearTenant, tenantTestId, placeholder, autoFocus, testId }: Props) {
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const latest = useRef(0);
  const wrapper = useRef<HTMLSpanElement>(null);
  // The tag's × is for the mouse; Tab goes on to the next field (V-1).
  useNoTabStop(wrapper, '.ant-tag-close-icon, .ant-tag button');

  const search = async (q: string) => {
    const ticket = ++latest.current;
    if (!q.trim()) return setTenants([]);
    try {
      const found = await api.directory.search({ q: q.trim(), limit: 8 });
      if (ticket === latest.current) setTenants(found.tenants);
    } catch {
      /* suggestions are a help; typing goes on without them */
    }
  };

  return (
    <span ref={wrapper} style={{ display: 'contents' }}>
    <AutoComplete
      value={value}
      // Enter keeps its meaning (save) unless an arrow key chose a suggestion.
      defaultActiveFirstOption={false}
      onSearch={(q) => void search(q)}
      onChange={(next: string) => {
        // An option's value is its tenant id; anything else is what was typed.
        const tenant = tenants.find((x) => x.id === next);
        if (tenant) {
          onChange?.(unitOf(tenant));
          onTenant(tenant);
          setTenants([]);
        } else onChange?.(next);
      }}
      options={tenants.map((tenant) => ({
        value: tenant.id,
        label: (
          <span data-testid={`unit-option-${tenant.displayName}`}>
            {tenant.displayName} · {unitOf(tenant)}
            {tenant.name !== tenant.displayName && (
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {tenant.name}
              </Typography.Text>
            )}
          </span>
        ),
      }))}
    >
      <Input
        placeholder={placeholder}
        autoFocus={autoFocus}
        data-testid={testId}
        suffix={
          tenantName ? (
            <Tag color="blue" closable onClose={() => onClearTenant?.()} title={tenantName} style={{ marginInlineEnd: 0, display: 'inline-flex', maxWidth: 110 }}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} data-testid={tenantTestId}>
                {tenantName}
              </span>
            </Tag>
          ) : (
            <span />
          )
        }
      />
    </AutoComplete>
    </span>
  );
}
