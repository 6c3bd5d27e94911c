/** The background jobs' machinery: definitions, the one runner, and what the leased outboxes share. */
export { defineJob, type JobDefinition, type JobRun } from './job-definition';
export { claimLeased, errorText, failedAttempt, LEASE_MS, type LeaseClaim, retryBackoffMs } from './leased-outbox';
export { JOB_QUEUE_SCHEMA, type JobRunner, pgBossDb, type RunnerOptions, startJobRunner } from './runner';
