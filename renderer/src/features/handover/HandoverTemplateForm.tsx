// The handover checklist template (S-1), edited by the administrator in 管理 (set-up in one place, issue 21).
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ChecklistEditor } from '../shifts';

export function HandoverTemplateForm() {
  const { t } = useTranslation('handover');
  return (
    <ChecklistEditor
      field="template"
      intro={t('page.templateIntro')}
      testId="handover-template"
      load={async () => (await api.handover.settings({})).template}
      save={async (template) => (await api.handover.updateSettings({ template })).template}
    />
  );
}
