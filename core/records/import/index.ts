export * from './columns.js';
export * from './read-rows.js';
export * from './validate-rows.js';
export * from './template.js';
