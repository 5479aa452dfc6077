// What other features use of sign-in: the session (who is at the desk, their role).
export { useSession } from './session-store';
