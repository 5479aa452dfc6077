// The opening check (S-3): what a receptionist confirms before starting duty (篇2 一, 九).
import type { ReadableDB } from '../store/sql';
import { readSection } from '../settings';
import { ShiftSettings, type ShiftSettings as ShiftSettingsT } from '../../../shared/contract/shifts';

export const DEFAULT_SHIFT_SETTINGS: ShiftSettingsT = {
  openingCheck: [
    { key: 'uniform', label: '按规定着工装，服装整洁，佩戴胸卡', labelEn: 'Uniform worn as required, neat, badge on' },
    { key: 'appearance', label: '仪容仪表端庄（发型整齐，不浓妆艳抹）', labelEn: 'Tidy appearance (hair neat, no heavy make-up)' },
    { key: 'supplies', label: '前台工作用品齐全完好（登记簿、笔、访客证、钥匙柜）', labelEn: 'Desk supplies complete (register, pens, visitor passes, key cabinet)' },
    { key: 'equipment', label: '电话、电脑、打印机工作正常', labelEn: 'Phone, computer and printer working' },
    { key: 'environment', label: '前台及周围环境整洁、美观', labelEn: 'Desk and surroundings clean and tidy' },
  ],
};

export function shiftSettings(db: ReadableDB): ShiftSettingsT {
  return readSection(db, 'shifts', ShiftSettings, DEFAULT_SHIFT_SETTINGS);
}
