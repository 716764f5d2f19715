export * from './password-policy.js';
export * from './region-code.js';
export * from './roles.js';
export * from './scope.js';
