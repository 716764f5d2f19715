export { describeRule } from './describe.js';
export { type EligibilityResult, evaluateRule } from './evaluate.js';
export { RULE_MESSAGES, type RuleMessages, ruleProblemMessage } from './messages.js';
export * from './rule.js';
export { PROGRAM_CODE_PATTERN, type RuleValidation, type ValidateRuleOptions, validateRule } from './validate.js';
