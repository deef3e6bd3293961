import { factories } from '@strapi/strapi';

// Only published events are public, as for case studies: the same guard against `?status=draft`.
const publishedOnly = { middlewares: ['api::case-study.published-only'] };

export default factories.createCoreRouter('api::event.event', {
  only: ['find', 'findOne'],
  config: { find: publishedOnly, findOne: publishedOnly },
});
