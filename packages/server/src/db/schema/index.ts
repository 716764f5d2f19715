export * from './applications.js';
export * from './audit.js';
export * from './institutions.js';
export * from './jobs.js';
export * from './persons.js';
export * from './programs.js';
export * from './regions.js';
export * from './users.js';
