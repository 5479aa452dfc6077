// Messages the parcels core produces (namespace `parcels`, under `error`).
export const parcelsCoreZhCN = {
  error: {
    notFound: '找不到该快递。',
    alreadyCollected: '该快递已被领取。',
    codeWrong: '取件码不对，请核对。',
    pinWrong: 'PIN 不对。',
    noPin: '该联系人还没有设置取件 PIN，请用取件码或签名领取。',
    contactNotTenant: '该联系人不属于收件单位。',
    contactUnknown: '找不到该联系人。',
    fileType: '照片须为 JPEG 或 PNG。',
    fileTooLarge: '文件太大。',
    fileUnreadable: '无法读取该照片。',
    signatureMissing: '请先在屏幕上签名。',
    signatureUnreadable: '无法读取该签名。',
  },
};

export type ParcelsCoreMessages = typeof parcelsCoreZhCN;

export const parcelsCoreEn: ParcelsCoreMessages = {
  error: {
    notFound: 'That parcel was not found.',
    alreadyCollected: 'This parcel has already been collected.',
    codeWrong: 'The pick-up code is not right; please check it.',
    pinWrong: 'The PIN is not right.',
    noPin: 'This contact has no pick-up PIN yet; use the pick-up code or a signature.',
    contactNotTenant: 'That contact does not belong to the recipient tenant.',
    contactUnknown: 'That contact was not found.',
    fileType: 'The photo must be JPEG or PNG.',
    fileTooLarge: 'The file is too large.',
    fileUnreadable: 'The photo cannot be read.',
    signatureMissing: 'Please sign on the screen first.',
    signatureUnreadable: 'The signature cannot be read.',
  },
};
