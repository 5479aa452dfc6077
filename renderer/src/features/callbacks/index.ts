// What other features use of callbacks: the form that takes one (from a call or a visit) and the lobby's list.
export { CallbackForm } from './CallbackForm';
export { useCallbacks } from './store';
