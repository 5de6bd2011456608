export * from './docs';
export * from './replay';
export * from './couch';
export * from './replicate';
export { logUid, withLogUids } from './ids';
export * from './status';
