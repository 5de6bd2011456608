/** Statistics: pure functions of logs, states and cards, with time and the day boundary passed in. */
export * from './clock';
export * from './activity';
export * from './forecast';
export * from './retention';
export * from './recall';
export * from './tally';
export * from './join';
export * from './mastery';
export * from './readiness';
export * from './page';
