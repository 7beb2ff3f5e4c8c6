/** The API contract's public face: the derived maps (./api/contract) and every domain's view types. */
export * from './api/contract';
export * from './api/define';
export * from './api/app';
export * from './api/auth';
export * from './api/registry';
export * from './api/lists';
export * from './api/jobs';
export * from './api/lookup';
export * from './api/documents';
export * from './api/devices';
export * from './api/vaccination';
export * from './api/packages';
export * from './api/backup';
export * from './api/admin-units';
