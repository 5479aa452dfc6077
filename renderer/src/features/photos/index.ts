// What other features use of visitor photos: the consent-first camera dialog.
export { PhotoDialog } from './PhotoDialog';
