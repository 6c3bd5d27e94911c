export * from './business-name';
export * from './calendar-official-2023-2026';
export * from './channels';
export * from './dossier-code';
export * from './dossier-lifecycle';
export * from './forms/index';
export * from './identity-numbers';
export * from './postage';
// Procedures as data (issue 12). A namespace while the catalog's own `ProcedureDefinition` (procedures/) still exists.
export * as procedureDefinitions from './procedure-definition/index';
export * from './procedures/index';
export * from './tax-code';
export * from './text';
export * from './timeliness';
export * from './validation';
export * from './vietnam-time';
export * from './vietqr';
export * from './vsic';
export * from './working-days';
