// The admin as the newsroom sees it: German by default (English selectable in the profile),
// the project's name and logo instead of Strapi's, no tutorials or release notes, and the
// names of enumeration values instead of their codes.
import { ArrowLeft, Bell, Briefcase, Clock, Eye, Mail, PaperPlane, Search, Server, Trash, Upload, User } from '@strapi/icons';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import type { ReactNode } from 'react';
import logo from './extensions/logo.svg';
import { waitingForFreshDocument } from './editorial-record/fresh-document';
import { HistoryPanel } from './editorial-record/history-panel';
import { editorsFilters, type ListFilter } from './list-filters';
import { ReviewPanel } from './editorial-record/review-panel';
import { ExportListButton } from './import-export/export-list-button';
import { SearchTermPrefill } from './search-terms/prefill';
import { SubmitterPanel } from './redaktion-extras/submitter-panel';
import { TitleCell } from './list-title-cell';
import { SlugFromTitle } from './slug-from-title';
import { rememberSignedInUser, statesForEditor, type EditLayout } from './state-menu';
import { SEARCH_TERM_DIRECTIONS, translations, valueName } from './translations';

const LANGUAGE_KEY = 'strapi-admin-language';
/** Where Strapi keeps the guided tour's state (not a documented API: an upgrade may rename it, and the tour would show again). */
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
/** Strapi's dashboard tiles for developers: "Projekt-Statistiken" counts API tokens, webhooks and the 396 Kommunen as entries. */
const DEVELOPER_WIDGETS = ['key-statistics', 'deploy-now'];
// Strapi's English "Introducing the new Media Library" banner (a release note) counts as read:
// its key is scoped by the project uuid, which is false with telemetry off (and undefined until
// the admin has loaded it).
const MEDIA_LIBRARY_BANNER_KEYS = ['STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:false', 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:undefined'];

interface ListHeader {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, unknown>, header: unknown, context: { model: string }) => ReactNode;
}
/** What register() gets: the whole admin app, after the plugins registered (their menu links included). */
interface AdminApp {
  // Not a documented API: if a Strapi upgrade moves it, the menu keeps Strapi's own link.
  router?: { menu?: { to: string }[] };
  customFields: { register: (field: object) => void };
  widgets: { register: (widgets: object[] | ((registered: object[]) => object[])) => void };
  addMenuLink: (link: object) => void;
  addMiddlewares: (middlewares: (typeof rememberSignedInUser)[]) => void;
}

const READ_CASE_STUDIES = [{ action: 'plugin::content-manager.explorer.read', subject: 'api::case-study.case-study' }];

/** The editors' dashboard (src/dashboard on the server); shown to everyone who may read case studies. */
const DASHBOARD_WIDGETS = [
  // First: what came back to the editor from the review, to work on.
  { id: 'praxis-returned-to-me', icon: ArrowLeft, title: 'praxis.dashboard.returned.title', component: () => import('./widgets/returned-widget') },
  { id: 'praxis-index-status', icon: Server, title: 'praxis.dashboard.index.title', component: () => import('./widgets/index-status-widget') },
  { id: 'praxis-review-queue', icon: Eye, title: 'praxis.dashboard.review.title', component: () => import('./widgets/review-queue-widget') },
  {
    id: 'praxis-open-submissions',
    icon: User,
    title: 'praxis.extras.submissions.title',
    component: () => import('./redaktion-extras/open-submissions-widget'),
  },
  { id: 'praxis-transfer-reports', icon: Eye, title: 'praxis.dashboard.transfers.title', component: () => import('./widgets/transfer-reports-widget') },
  { id: 'praxis-review-due', icon: Clock, title: 'praxis.dashboard.due.title', component: () => import('./widgets/review-due-widget') },
  { id: 'praxis-contact-requests', icon: Mail, title: 'praxis.dashboard.requests.title', component: () => import('./widgets/contact-requests-widget') },
  { id: 'praxis-search-statistics', icon: Search, title: 'praxis.dashboard.searches.title', component: () => import('./widgets/search-statistics-widget') },
  { id: 'praxis-notifications', icon: Bell, title: 'praxis.extras.notifications.title', component: () => import('./redaktion-extras/notifications-widget') },
];

const SEARCH_TERM = 'api::search-term.search-term';
const adminLanguage = () => (window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'de');

/**
 * The search terms' list (api::search-term): a set's words one after another ("Kita,
 * Kindertagesstätte, Kindergarten", not the raw lines) and its direction in words. Strapi's hook
 * does not say which type it lists; the formatter is told.
 */
function searchTermCell(header: ListHeader): ListHeader['cellFormatter'] {
  if (header.name === 'words' && header.attribute?.type === 'text') {
    return (row, _header, { model }) => {
      const text = typeof row.words === 'string' ? row.words : '';
      return model === SEARCH_TERM
        ? text
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
            .join(', ')
        : text;
    };
  }
  if (header.name === 'oneWay' && header.attribute?.type === 'boolean') {
    return (row, _header, { model }) => {
      if (model !== SEARCH_TERM) return String(row.oneWay ?? '-');
      const names = SEARCH_TERM_DIRECTIONS[adminLanguage()];
      return row.oneWay === true ? names.oneWay : names.twoWay;
    };
  }
  return undefined;
}

/** A list cell's date in the admin's language ("14.11.2025"), or "-" for none. */
function shortDate(value: unknown): string {
  if (typeof value !== 'string' || !value) return '-';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // A date without time (YYYY-MM-DD) is a calendar day: read in UTC, it stays that day everywhere.
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(adminLanguage() === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', ...(dayOnly ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** Where the main menu's "Inhalte" leads: the case studies, not the alphabetically first type (Baustein). */
const CASE_STUDY_LIST = 'content-manager/collection-types/api::case-study.case-study';

export default {
  config: {
    locales: ['de'],
    translations,
    auth: { logo },
    menu: { logo },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: AdminApp) {
    // Funding years (see year-input.tsx); the server registers the same field in src/index.ts.
    app.customFields.register({
      name: 'year',
      type: 'integer',
      intlLabel: { id: 'praxis.customField.year', defaultMessage: 'Jahr' },
      intlDescription: { id: 'praxis.customField.year.description', defaultMessage: 'Eine Jahreszahl, z. B. 2025' },
      components: { Input: async () => import('./year-input') },
    });
    // Who is signed in, for the state menu (state-menu.ts).
    app.addMiddlewares([rememberSignedInUser]);
    // Strapi starts in English unless a language was chosen; ours start in German.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'de');
    for (const key of MEDIA_LIBRARY_BANNER_KEYS) window.localStorage.setItem(key, 'true');
    // Strapi's guided tour ("Erstelle dein Schema", "Deploye … zu Strapi Cloud") is for developers
    // building a Strapi app, not for a newsroom: switched off before the admin reads its state.
    if (!window.localStorage.getItem(GUIDED_TOUR_KEY))
      window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false, hidden: true, completedActions: [] }));
    // The newsroom's widgets first, Strapi's own (last edited, profile, statistics) after them.
    const ours = DASHBOARD_WIDGETS.map(({ title, component, ...widget }) => ({
      ...widget,
      title: { id: title, defaultMessage: translations.de[title] },
      component: async () => (await component()).default,
      permissions: READ_CASE_STUDIES,
    }));
    // Administration (who may invite): the invitations not taken up, with "Einladung erneut senden".
    const invitations = {
      id: 'praxis-invitations',
      icon: PaperPlane,
      title: { id: 'praxis.dashboard.invitations.title', defaultMessage: translations.de['praxis.dashboard.invitations.title'] },
      component: async () => (await import('./widgets/invitations-widget')).default,
      permissions: [{ action: 'admin::users.create', subject: null }],
    };
    // Chefredaktion and Administration (who edit Träger): the Träger the Redaktion proposed, with "Freigeben".
    const proposals = {
      id: 'praxis-proposed-organisations',
      icon: Briefcase,
      title: { id: 'praxis.dashboard.proposals.title', defaultMessage: translations.de['praxis.dashboard.proposals.title'] },
      component: async () => (await import('./widgets/proposed-organisations-widget')).default,
      permissions: [{ action: 'plugin::content-manager.explorer.update', subject: 'api::organisation.organisation' }],
    };
    app.widgets.register((registered) => [
      ...ours,
      proposals,
      invitations,
      ...registered.filter((widget) => !DEVELOPER_WIDGETS.includes((widget as { id?: string }).id ?? '')),
    ]);
    // Spreadsheets in and out (src/dashboard/import-export.ts); the server checks each action's permission.
    app.addMenuLink({
      to: 'import-export',
      icon: Upload,
      position: 2,
      intlLabel: { id: 'praxis.importExport.menu', defaultMessage: translations.de['praxis.importExport.menu'] },
      Component: () => import('./import-export/import-export-page'),
      permissions: READ_CASE_STUDIES,
    });
    // Deleted case studies for 30 days (src/trash); only the Chefredaktion takes one back.
    app.addMenuLink({
      to: 'papierkorb',
      icon: Trash,
      position: 3,
      intlLabel: { id: 'praxis.extras.trash.menu', defaultMessage: translations.de['praxis.extras.trash.menu'] },
      Component: () => import('./redaktion-extras/trash-page'),
      permissions: READ_CASE_STUDIES,
    });
    const contentManager = app.router?.menu?.find((link) => link.to === 'content-manager');
    if (contentManager) contentManager.to = CASE_STUDY_LIST;
  },
  bootstrap(app: {
    registerHook: {
      (name: 'Admin/CM/pages/ListView/inject-column-in-table', hook: (args: { displayedHeaders: ListHeader[]; layout: unknown }) => unknown): void;
      (name: 'Admin/CM/pages/ListView/inject-in-filters', hook: (args: { displayedFilters: ListFilter[]; layout: unknown }) => unknown): void;
      (name: 'Admin/CM/pages/EditView/mutate-edit-view-layout', hook: (args: { layout: EditLayout }) => unknown): void;
    };
    getPlugin: (id: string) => {
      injectComponent: (page: string, zone: string, component: { name: string; Component: (props: { slug?: string }) => unknown }) => void;
      apis: { addDocumentAction: (add: (actions: DocumentActionComponent[]) => DocumentActionComponent[]) => void };
    };
  }) {
    // The case-study list exports what its filter shows, in the import format.
    app.getPlugin('content-manager').injectComponent('listView', 'actions', { name: 'praxis-export-list', Component: ExportListButton });
    // "Synonym anlegen" on the dashboard opens a search-term set's create form with the word filled in.
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', { name: 'praxis-search-term-prefill', Component: SearchTermPrefill });
    // A new case study's address follows its title until the editor writes one.
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', { name: 'praxis-slug-from-title', Component: SlugFromTitle });
    // Who submitted a draft through the site's form, to check with the provider before release.
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', { name: 'praxis-submitter', Component: SubmitterPanel });
    // A case study's editorial record under its actions: the review thread first (where it stands,
    // the reviewers' comments, "Zurückgeben"), then every version (compare, restore).
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', { name: 'praxis-review', Component: ReviewPanel });
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', { name: 'praxis-history', Component: HistoryPanel });
    // Save and Publish wait until the edit view shows the document as it is now, not Strapi's cached copy.
    app.getPlugin('content-manager').apis.addDocumentAction(waitingForFreshDocument);
    // The state menu offers only the states the editor may set; "Zur Prüfung geben" is in the Prüfung panel.
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', ({ layout }) => ({ layout: statesForEditor(layout) }));
    // The list's filter: no database keys, fields and chips named (list-filters.ts).
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', ({ displayedFilters, layout }) => ({
      layout,
      displayedFilters: editorsFilters(displayedFilters, adminLanguage()),
    }));
    // The list view prints enumeration values raw ("zur-pruefung"); editors read their names.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', ({ displayedHeaders, layout }) => ({
      layout,
      // i18n's "Verfügbar in" column is left out: the list fits a 1366 px screen, and the language menu above it chooses the language.
      displayedHeaders: displayedHeaders
        .filter((header) => header.name !== 'locales')
        .map((header) => {
          if (header.attribute?.type === 'enumeration') {
            return { ...header, cellFormatter: (row: Record<string, unknown>) => valueName(row[header.name], adminLanguage()) };
          }
          // The title narrower than Strapi's, so that the row menu (…) is on screen at 1366 px.
          if (header.name === 'title' && header.attribute?.type === 'string') {
            return { ...header, cellFormatter: (row: Record<string, unknown>) => <TitleCell row={row} /> };
          }
          // Dates as "14.11.2025", not "Freitag, 14. November 2025": the list fits a 1366 px screen.
          if (header.attribute?.type === 'date' || header.attribute?.type === 'datetime') {
            return { ...header, cellFormatter: (row: Record<string, unknown>) => shortDate(row[header.name]) };
          }
          const cellFormatter = searchTermCell(header);
          return cellFormatter ? { ...header, cellFormatter } : header;
        }),
    }));
  },
};
