// What other features use of setup: the time zones a building may choose.
export { TIME_ZONES } from './SetupScreen';
