/** The SPA's one form system: state, fields bound by path, inputs, errors and drafts. */
export * from './choices.tsx';
export * from './draft.ts';
export * from './error-summary.tsx';
export * from './error-words.ts';
export * from './errors.ts';
export * from './form.tsx';
export * from './inputs.tsx';
export * from './path.ts';
export * from './send.ts';
