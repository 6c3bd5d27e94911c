export * from './compile';
export * from './conditions';
export * from './definition';
export * from './field-types';
export * from './form-schema';
export * from './intake-policy';
export * from './pilot/index';
export * from './validate';
