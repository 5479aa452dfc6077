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
    admin: {
      title: '访客照片',
      enabled: '提供访客拍照',
      enabledHint: '关闭后前台不再提供拍照，已拍的照片仍按来访记录的保存期限删除。',
      onPass: '照片印在访客证上',
      onPassHint: '访客证打印时带上照片；先打证后拍照的，保存照片后自动补打一张。',
    },
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
    admin: {
      title: 'Visitor photos',
      enabled: 'Offer visitor photos',
      enabledHint: 'When off, the desk no longer offers a photo; photos already taken are still deleted with their visits.',
      onPass: 'Print the photo on the pass',
      onPassHint: 'Passes are printed with the photo; if the pass was printed before the photo, saving the photo prints it again.',
    },
  },
};
