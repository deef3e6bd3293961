import { factories } from '@strapi/strapi';

const publishedOnly = { middlewares: ['api::case-study.published-only'] };

export default factories.createCoreRouter('api::case-study.case-study', {
  only: ['find', 'findOne'],
  config: { find: publishedOnly, findOne: publishedOnly },
});
