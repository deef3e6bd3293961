import { factories } from '@strapi/strapi';
import { isSlug, LOCALES } from '@praxis/search';
import { findMovedSlug } from '../../../editorial/slugs';

export default factories.createCoreController('api::case-study.case-study', ({ strapi }) => ({
  /** Where a case study that was published under an older slug lives now (routes/moved.ts). */
  async moved(ctx) {
    const slug = String((ctx.params as { slug?: string }).slug ?? '');
    const locale = (LOCALES as readonly unknown[]).includes(ctx.query.locale) ? String(ctx.query.locale) : 'de';
    const current = isSlug(slug) ? await findMovedSlug(strapi, slug, locale) : undefined;
    ctx.body = { data: current ? { slug: current } : null };
  },
}));
