// One abstract "card read" (H-1), whatever reader produced it, and what of it reaches the desk's form.
import type { CardForDesk } from '../../../../shared/contract/hardware';

export interface CardRead {
  name: string;
  sex: 'male' | 'female' | 'unknown';
  /** 民族 as printed on the card (汉, 回, …). */
  nation: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  address: string;
  idNumber: string;
  authority: string;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD, or 'long-term' (长期). */
  validUntil: string;
  /** A viewable image, when the reader gave one; WLT-encoded photos (the chip's own format) need a vendor decoder and are dropped. */
  photo: { mime: 'image/jpeg' | 'image/png' | 'image/bmp'; base64: string } | null;
  reader: 'samv' | 'vendorHttp';
}

/** Card dates come as YYYYMMDD (or 长期). */
export function cardDate(text: string): string {
  const t = text.trim();
  if (/长期/.test(t)) return 'long-term';
  const m = /^(\d{4})[-.]?(\d{2})[-.]?(\d{2})$/.exec(t);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : t;
}

/** What the registration form gets: name, number, sex, validity; the address, nation, birth date and authority stay here. */
export function cardForDesk(card: CardRead, todayKey: string): CardForDesk {
  return {
    name: card.name,
    idNumber: card.idNumber,
    sex: card.sex,
    validUntil: card.validUntil,
    expired: card.validUntil !== 'long-term' && /^\d{4}-\d{2}-\d{2}$/.test(card.validUntil) && card.validUntil < todayKey,
    photo: card.photo,
    reader: card.reader,
  };
}

/** GB 3304 nation codes as the card's chip stores them ('01' … '56'). */
export const NATIONS = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯',
  '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;
