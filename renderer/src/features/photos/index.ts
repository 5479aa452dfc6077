// What other features use of visitor photos: the consent-first camera dialog and the admin's settings.
export { PhotoDialog } from './PhotoDialog';
export { PhotosAdmin } from './PhotosAdmin';
