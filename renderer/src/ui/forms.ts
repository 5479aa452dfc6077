// Forms validated by the contract's own zod schemas, with messages in the screen's language.
import { useEffect, useRef, useState } from 'react';
import { App, Form } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { i18next } from '../i18n';
import { ApiError } from '../api/client';

const KEY = /^[a-zA-Z][\w-]*:[\w.]+$/;

function localeError() {
  return i18next.language === 'en' ? z.locales.en().localeError : z.locales.zhCN().localeError;
}

export function issueMessage(issue: z.core.$ZodIssue): string {
  const raw = issue as unknown as Record<string, unknown>;
  if (KEY.test(issue.message)) {
    return i18next.t(issue.message, { ...((raw.params as object) ?? {}), max: raw.maximum, min: raw.minimum });
  }
  return issue.message;
}

/** An antd rule that checks one field with the contract's schema for it. */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value === '' ? undefined : value, { error: localeError() });
      if (!result.success) throw new Error(issueMessage(result.error.issues[0]!));
    },
  };
}

/** Like zodRule, but an empty value says "required" rather than the schema's message for a missing string. */
export function requiredZodRule(schema: z.ZodType): Rule {
  const rule = zodRule(schema) as { validator: (rule: unknown, value: unknown) => Promise<void> };
  return {
    validator: async (r, value: unknown) => {
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
        throw new Error(i18next.t('errors:field.required'));
      }
      await rule.validator(r, value);
    },
  };
}

/**
 * Puts the server's per-field messages next to the fields; returns the general message for anything else.
 * `under`: the form edits one nested object of the input (`draft` of `{ callId, draft }`), named without it.
 */
export function showServerErrors(form: FormInstance, error: unknown, options: { under?: string } = {}): string {
  if (!(error instanceof ApiError)) return String(error);
  const paths = error.issues.map((i) => (options.under && i.path[0] === options.under ? i.path.slice(1) : i.path));
  const fieldErrors = error.issues.map((i, n) => ({ name: paths[n]!, message: i.message })).filter((i) => i.name.length > 0);
  if (fieldErrors.length > 0) {
    form.setFields(fieldErrors.map((i) => ({ name: i.name as (string | number)[], errors: [i.message] })));
  }
  return error.message;
}

/**
 * A settings form's whole round: read the settings into the form when it mounts, and on save send them, put the
 * saved answer back, say "saved", or show the server's refusal on its fields and above the button.
 */
export function useSettingsForm<T extends object>(read: () => Promise<T>, write: (values: T) => Promise<T>) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string | null>(null);
  const current = useRef({ read, write });
  current.current = { read, write };
  useEffect(() => {
    void current.current.read().then((s) => form.setFieldsValue(s as Parameters<typeof form.setFieldsValue>[0]));
  }, [form]);
  const save = async (values: T) => {
    setError(null);
    try {
      form.setFieldsValue((await current.current.write(values)) as Parameters<typeof form.setFieldsValue>[0]);
      void message.success(t('saved'));
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };
  return { form, error, save };
}
