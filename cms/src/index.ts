import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './access/first-admin';
import { registerDashboardRoutes } from './dashboard/admin-routes';
import { applyAdminLayout } from './editorial/admin-layout';
import { ensureEditorialStates, registerReviewRules } from './editorial/review-rules';
import { registerListSearch } from './editorial/list-search';
import { ensureEditorialRoles } from './editorial/roles';
import { registerProposedOrganisations } from './editorial/organisations';
import { registerSlugRule, registerSlugSuggestions } from './editorial/slugs';
import { grantPublicReadAccess } from './access/public-role';
import { ensureSiteToken } from './access/site-token';
import { mailQueue, startMail } from './mail/mail';
import { registerUploadGuard } from './media/guard-uploads';
import { startRequestRetention, stopRequestRetention } from './requests/retention';
import { startFollowUps, stopFollowUps } from './requests/follow-up';
import { scheduleSubmissionImages, settleSubmissionImages } from './requests/submission-images';
import { seedDemoContent, seedDemoTransfers } from './seed/demo-content';
import { seedLocales } from './seed/locales';
import { seedMunicipalities } from './seed/municipalities';
import { seedSearchTerms } from './seed/search-terms';
import { seedTaxonomies } from './seed/taxonomies';
import { registerChangeRecorder } from './sync/record-changes';
import { registerHistory } from './history/record-history';
import { registerHistoryRoutes } from './history/history-routes';
import { registerReview } from './review/review-routes';
import { registerNotifications } from './notifications/notify';
import { registerNotificationRoutes } from './notifications/notification-routes';
import { startDigests, stopDigests } from './notifications/digest';
import { registerTrash, startTrashPurge, stopTrashPurge } from './trash/trash';
import { registerSubmissionAdmin } from './requests/submission-admin';
import { registerSearchTermSync } from './sync/search-terms';
import { searchSync } from './sync/search-sync';
import { registerCaseStudyRules } from './validation/case-study-rules';
import { registerEventRules } from './validation/event-rules';
import { registerEventChanges } from './sync/event-changes';
import { seedDemoEvents } from './seed/demo-events';
import { registerControlCharacterRule } from './validation/control-characters';
import { registerSearchTermRules } from './validation/search-term-rules';
import { cmsEnvironment, refuseLocalSiteUrlInProduction } from './config/environment';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // A wrong value in the environment stops the CMS here, naming the variable.
    cmsEnvironment();
    refuseLocalSiteUrlInProduction();
    // Funding years: an integer typed as four digits in the admin (src/admin/year-input.tsx).
    strapi.customFields.register({ name: 'year', type: 'integer' });
    registerControlCharacterRule(strapi);
    registerCaseStudyRules(strapi);
    registerEventRules(strapi);
    // Träger the Redaktion proposes, approved by the Chefredaktion.
    registerProposedOrganisations(strapi);
    registerSearchTermRules(strapi);
    registerSlugRule(strapi);
    registerReviewRules(strapi);
    registerListSearch(strapi);
    registerUploadGuard(strapi);
    registerDashboardRoutes(strapi);
    registerChangeRecorder(
      strapi,
      () => searchSync(strapi).store,
      () => searchSync(strapi).notify(),
      () => searchSync(strapi).purge.notify({ vocabulary: true }),
    );
    registerEventChanges(strapi, () => searchSync(strapi).purge.notify({ events: true }));
    // Inside the change recorder's transaction: an action and its record commit together.
    registerHistory(strapi);
    registerHistoryRoutes(strapi);
    registerReview(strapi);
    registerNotifications(strapi);
    registerTrash(strapi);
    registerSubmissionAdmin(strapi);
    registerNotificationRoutes(strapi);
    // The editors' synonym sets reach the index within a second of a save, without a reindex.
    registerSearchTermSync(strapi, (languages) => {
      for (const language of languages) void searchSync(strapi).refreshSynonyms(language);
    });
  },

  /**
   * Every step is idempotent: it runs on every start and only adds what is missing. The CMS's own
   * tables are there already: Strapi ran cms/database/migrations/ before its schema sync.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await startMail(strapi);
    startRequestRetention(strapi);
    startFollowUps(strapi);
    startDigests(strapi);
    startTrashPurge(strapi);
    await seedLocales(strapi);
    await seedTaxonomies(strapi);
    await seedMunicipalities(strapi);
    await seedSearchTerms(strapi);
    await grantPublicReadAccess(strapi);
    await ensureSiteToken(strapi);
    await ensureEditorialRoles(strapi);
    await applyAdminLayout(strapi);
    registerSlugSuggestions(strapi);
    await ensureFirstAdmin(strapi);
    await seedDemoContent(strapi);
    await seedDemoEvents(strapi);
    await seedDemoTransfers(strapi);
    await ensureEditorialStates(strapi);
    await searchSync(strapi).start();
    // Images of submissions confirmed just before the last stop.
    scheduleSubmissionImages(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await searchSync(strapi).stop();
    await mailQueue(strapi).stop();
    stopRequestRetention();
    stopFollowUps();
    stopDigests();
    stopTrashPurge();
    await settleSubmissionImages();
  },
};
