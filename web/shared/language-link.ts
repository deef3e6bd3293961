/** The href the header renders for its language link, replaced once the page is rendered (app/plugins/language-link.server.ts). */
export const LANGUAGE_LINK_PLACEHOLDER = '#language-link-pending';
