/**
 * The dossier lifecycle (DOMAIN.md §5) as a pure state machine: states in the national portal's
 * vocabulary (dossier/states.ts), events with zod payloads and the roles allowed (dossier/events.ts),
 * guards and effects per event (dossier/rules.ts), and `transition` / `availableEvents`
 * (dossier/machine.ts). Split because the whole is over 400 lines; import from here.
 */
export * from './dossier/events';
export * from './dossier/machine';
export * from './dossier/states';
