/**
 * The privacy capability's entry point (issue 20): the access log of officers' reads of personal
 * data, the data subject's rights (download, correction, deletion), retention, and the notice.
 * app.ts registers the plugin and the routes from here; other capabilities import only from here.
 */
export { accessLogPlugin, PERSONAL_READ_ROUTES } from './access-log';
export { appLoggerOptions, redactUrl } from './log-redaction';
export { ACCOUNT_NOTICE_VERSION, recordAccountConsent } from './notice';
export { noticeRoutes } from './notice.routes';
export { accessLogRoutes } from './privacy.routes';
export { openWithProtection, type ProtectedDatabase, protectDatabase } from './protection';
export { type Rotation, rotateProtectionKey } from './protection-rotation';
export { runRetention } from './retention';
export { retentionJob } from './retention.job';
export { retentionRoutes } from './retention.routes';
export { seedRetentionPolicies } from './retention.seed';
export { subjectRightsRoutes } from './subject-rights.routes';
