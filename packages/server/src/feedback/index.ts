/** The feedback capability's entry point: what other capabilities may use of it. */
export { HOTLINE } from './help.data';
