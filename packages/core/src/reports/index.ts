export * from './age-groups.js';
export * from './completion.js';
export * from './rate.js';
export * from './rehab.js';
