// Strings of visitor photos (namespace `photos`), with the core's messages for the same namespace.
import { photosCoreEn, photosCoreZhCN } from '../../../../shared/i18n/photos';

export const photosMessages = {
  'zh-CN': {
    ...photosCoreZhCN,
    take: '拍照',
    title: '为 {{name}} 拍照',
    consentText: '拍照前须征得访客本人单独同意（《个人信息保护法》第二十九条）：照片仅用于本次来访的身份核对，与来访记录一同保存，{{days}} 天后自动删除。访客可以拒绝，不影响登记。',
    consent: '访客已明确同意拍照',
    openCamera: '打开摄像头',
    capture: '拍摄',
    retake: '重拍',
    save: '保存照片',
    saved: '照片已保存',
    noCamera: '无法打开摄像头：{{reason}}',
    has: '已拍照',
  },
  en: {
    ...photosCoreEn,
    take: 'Photo',
    title: 'Photo of {{name}}',
    consentText: 'A photo needs the visitor’s own, separate consent (PIPL Art. 29): it is used only to check identity for this visit, kept with the visit record and deleted after {{days}} days. The visitor may refuse without any effect on the registration.',
    consent: 'The visitor clearly agreed to the photo',
    openCamera: 'Open the camera',
    capture: 'Take',
    retake: 'Retake',
    save: 'Save photo',
    saved: 'Photo saved',
    noCamera: 'The camera cannot be opened: {{reason}}',
    has: 'Photo taken',
  },
};
