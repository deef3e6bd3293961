import { factories } from '@strapi/strapi';

// Read-only, and granted to neither the public nor the site's token (src/access/): the sets reach
// the search index from the CMS itself (src/sync/search-terms.ts); only a full-access token reads them.
export default factories.createCoreRouter('api::search-term.search-term', { only: ['find', 'findOne'] });
