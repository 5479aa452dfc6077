// The shift-opening check's items (S-3), edited by the administrator in 管理 (set-up in one place, issue 21).
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ChecklistEditor } from './ChecklistEditor';

export function OpeningCheckForm() {
  const { t } = useTranslation('shifts');
  return (
    <ChecklistEditor
      field="openingCheck"
      intro={t('settings.intro')}
      testId="opening-check-settings"
      load={async () => (await api.shifts.settings({})).openingCheck}
      save={async (openingCheck) => (await api.shifts.updateSettings({ openingCheck })).openingCheck}
    />
  );
}
