/** The calendar capability's entry point: what other capabilities may use of it. */
export { describeYear } from './calendar.service';
