/** The exam simulation: drawing questions, a pure state machine (state + event → state), and scoring. */
export * from './types';
export * from './random';
export * from './draw';
export * from './form';
export * from './machine';
export * from './result';
export * from './saved';
export * from './pool';
