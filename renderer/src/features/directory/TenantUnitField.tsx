// The unit field of a form that links a tenant (the call record, the reception record): the unit as typed or as
// the picked tenant's place ('12F 1201', not the "xh" typed to find it, P-3), and the picked tenant's id and name
// in hidden fields beside it — one component instead of the same three form items in each form.
import type { CSSProperties } from 'react';
import { Form, Input, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Tenant } from '../../../../shared/contract/directory';
import { TenantUnitInput, unitOf } from './TenantUnitInput';

interface Props {
  /** A form with `unit`, `tenantId` and `tenantName` fields. */
  form: FormInstance;
  label: string;
  rules?: Rule[];
  testId: string;
  tenantTestId: string;
  placeholder?: string;
  style?: CSSProperties;
  /** More fields to fill from the picked tenant (the owner's name when none was typed). */
  alsoFrom?: (tenant: Tenant) => Record<string, unknown>;
  /** A tenant was picked or unlinked (the form's draft keeps it). */
  onPicked?: () => void;
}

function Bound(props: Omit<Props, 'label' | 'rules' | 'style'> & { value?: string; onChange?: (value: string) => void }) {
  const { form } = props;
  const tenantName = Form.useWatch('tenantName', form) as string | null | undefined;
  return (
    <TenantUnitInput
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder}
      testId={props.testId}
      tenantTestId={props.tenantTestId}
      tenantName={tenantName}
      onTenant={(tenant) => {
        form.setFieldsValue({ unit: unitOf(tenant), tenantId: tenant.id, tenantName: tenant.displayName, ...props.alsoFrom?.(tenant) });
        props.onPicked?.();
      }}
      onClearTenant={() => {
        form.setFieldsValue({ tenantId: null, tenantName: null });
        props.onPicked?.();
      }}
    />
  );
}

export function TenantUnitField({ label, rules, style, ...bound }: Props) {
  return (
    <>
      <Form.Item style={style} name="unit" label={label} rules={rules}>
        <Bound {...bound} />
      </Form.Item>
      <Form.Item name="tenantId" hidden noStyle>
        <Input />
      </Form.Item>
      <Form.Item name="tenantName" hidden noStyle>
        <Input />
      </Form.Item>
    </>
  );
}
