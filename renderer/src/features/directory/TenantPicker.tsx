// Picks a tenant at the desk: type Chinese, English, pinyin initials (hxkj), a floor or a room. Keyboard-first:
// arrows and Enter choose. Used by the visitor desk and by callbacks.
import { useEffect, useRef, useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Tenant } from '../../../../shared/contract/directory';
import { useNoTabStop } from '../../ui/keyboard';

interface Props {
  value?: string | null;
  onChange?: (id: string | null, tenant: Tenant | null) => void;
  autoFocus?: boolean;
  testId?: string;
  size?: 'middle' | 'large';
}

export function tenantLabel(t: Pick<Tenant, 'displayName' | 'floor' | 'room'>): string {
  return `${t.displayName} · ${t.floor}F${t.room ? ` ${t.room}` : ''}`;
}

export function TenantPicker({ value, onChange, autoFocus, testId = 'tenant-picker', size }: Props) {
  const { t } = useTranslation('directory');
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const wrapper = useRef<HTMLSpanElement>(null);
  // The clear button is for the mouse; Tab goes from the tenant to the next field (V-1).
  useNoTabStop(wrapper, 'button.ant-select-clear');

  const search = async (q: string) => {
    const ticket = ++latest.current;
    // Results for an earlier text leave the list at once: Enter (or a click) while the search runs must not pick
    // a tenant that does not match what was typed. Only the chosen tenant stays, so the field keeps its label.
    setTenants((list) => list.filter((x) => x.id === value));
    setLoading(true);
    try {
      const found = await api.directory.search({ q, limit: 30 });
      if (ticket === latest.current) setTenants(found.tenants);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  };

  useEffect(() => {
    void search('');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the first, empty search runs once, at mount
  }, []);

  // A value set from outside (a returning visitor's last tenant) is labelled even when not in the results.
  useEffect(() => {
    if (value && !tenants.some((x) => x.id === value)) {
      void api.directory.get({ id: value }).then((tenant) => setTenants((list) => (list.some((x) => x.id === tenant.id) ? list : [tenant, ...list])));
    }
  }, [value, tenants]);

  return (
    <span ref={wrapper} style={{ display: 'contents' }}>
    <Select
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      value={value ?? undefined}
      allowClear
      size={size}
      autoFocus={autoFocus}
      placeholder={t('pickTenant')}
      loading={loading}
      notFoundContent={loading ? null : t('noTenant')}
      onChange={(id: string | undefined) => onChange?.(id ?? null, tenants.find((x) => x.id === id) ?? null)}
      options={tenants.map((tenant) => ({
        value: tenant.id,
        label: tenantLabel(tenant),
        title: tenant.name,
      }))}
      optionRender={(option) => {
        const tenant = tenants.find((x) => x.id === option.value);
        return (
          <span data-testid={`tenant-option-${tenant?.displayName ?? ''}`}>
            {option.label}
            {tenant && tenant.name !== tenant.displayName && (
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {tenant.name}
              </Typography.Text>
            )}
          </span>
        );
      }}
      data-testid={testId}
      style={{ width: '100%' }}
    />
    </span>
  );
}
