// The handover checklist template (admin-configurable): what the outgoing receptionist goes through with the
// guard every evening besides the live sections (篇3 §6).
import type { ReadableDB } from '../store/sql';
import { readSection } from '../settings';
import { HandoverSettings, type HandoverSettings as HandoverSettingsT } from '../../../shared/contract/handover';

export const DEFAULT_HANDOVER_SETTINGS: HandoverSettingsT = {
  template: [
    { key: 'doors', label: '大堂门窗、门禁已检查，状态正常', labelEn: 'Lobby doors, windows and access control checked' },
    { key: 'lights', label: '大堂照明、空调按时段调整', labelEn: 'Lobby lights and air conditioning set for the night' },
    { key: 'key-cabinet', label: '钥匙柜已清点并上锁', labelEn: 'Key cabinet counted and locked' },
    { key: 'passes', label: '访客证已清点，数量相符', labelEn: 'Visitor passes counted' },
    { key: 'documents', label: '登记簿、重要资料已收好，电脑已锁屏', labelEn: 'Registers and documents put away, computer locked' },
    { key: 'matters', label: '当班未完事项已当面告知接班人员', labelEn: 'Unfinished matters told to the incoming guard in person' },
  ],
};

export function handoverSettings(db: ReadableDB): HandoverSettingsT {
  return readSection(db, 'handover', HandoverSettings, DEFAULT_HANDOVER_SETTINGS);
}
