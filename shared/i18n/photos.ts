// Messages the photos core produces (namespace `photos`, under `error`).
export const photosCoreZhCN = {
  error: {
    consent: '拍照须先征得访客的单独同意。',
    fileType: '照片须为 JPEG 或 PNG。',
    tooLarge: '照片太大。',
    unreadable: '无法读取该照片。',
    disabled: '本楼未启用访客拍照。',
    visitNotCurrent: '只能为在访的访客拍照。',
    alreadyTaken: '该访客已有照片。',
  },
};

export type PhotosCoreMessages = typeof photosCoreZhCN;

export const photosCoreEn: PhotosCoreMessages = {
  error: {
    consent: 'A photo needs the visitor’s separate consent first.',
    fileType: 'The photo must be JPEG or PNG.',
    tooLarge: 'The photo is too large.',
    unreadable: 'The photo cannot be read.',
    disabled: 'Visitor photos are turned off for this building.',
    visitNotCurrent: 'A photo can be taken only of a visitor who is here now.',
    alreadyTaken: 'This visitor already has a photo.',
  },
};
