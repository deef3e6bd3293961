// The hourly clean-up of personal data from the public forms (REQUEST_RETENTION_DAYS, default 90):
// contact requests keep only their count, unconfirmed submissions go entirely, transfer reports'
// rows too (a confirmed report lives on as its draft, with the contact only by consent). Once an hour across
// all CMS instances (database/scheduled-job.ts).
import type { Core } from '@strapi/strapi';
import { runScheduled } from '../database/scheduled-job';
import { anonymiseOldContactRequests, requestRetentionDays } from './contact-requests';
import { deleteUnconfirmedSubmissions } from './submissions';
import { deleteOldTransferReports } from './transfer-reports';

const HOUR = 60 * 60 * 1000;
let retentionTimer: NodeJS.Timeout | undefined;

/** Removes what is past the retention period; returns how many requests and submissions. */
export async function applyRequestRetention(
  strapi: Core.Strapi,
  now = Date.now(),
): Promise<{ requests: number; submissions: number; transferReports: number }> {
  const knex = strapi.db.connection;
  return {
    requests: await anonymiseOldContactRequests(knex, now),
    submissions: await deleteUnconfirmedSubmissions(knex, now),
    transferReports: await deleteOldTransferReports(knex, now),
  };
}

/** At bootstrap: clean up now and then every hour. */
export function startRequestRetention(strapi: Core.Strapi): void {
  const run = () =>
    runScheduled(strapi.db.connection, 'request-retention', HOUR, () => applyRequestRetention(strapi))
      .then((outcome) => {
        if (!outcome.ran) return;
        const { requests, submissions, transferReports } = outcome.result;
        if (requests > 0) strapi.log.info(`[requests] personal data of ${requests} contact request(s) older than ${requestRetentionDays()} days removed`);
        if (submissions > 0) strapi.log.info(`[requests] ${submissions} submission(s) not confirmed within ${requestRetentionDays()} days deleted`);
        if (transferReports > 0) strapi.log.info(`[requests] ${transferReports} transfer report(s) older than ${requestRetentionDays()} days deleted`);
      })
      .catch((error: Error) => strapi.log.error(`[requests] retention failed: ${error.message}`));
  void run();
  clearInterval(retentionTimer);
  retentionTimer = setInterval(run, HOUR);
  retentionTimer.unref();
}

export function stopRequestRetention(): void {
  clearInterval(retentionTimer);
  retentionTimer = undefined;
}
