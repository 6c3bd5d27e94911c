export * from './text';
export * from './validation';
