// What other features use of devices: the admin tab and the pairing screen of a lobby screen.
export { DevicesAdmin } from './DevicesAdmin';
export { PairDevice } from './PairDevice';
