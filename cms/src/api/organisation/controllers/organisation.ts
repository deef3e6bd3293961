import { factories } from '@strapi/strapi';
import { APPROVED_ORGANISATION } from '../../../editorial/organisations';
import { ORGANISATION } from '../../../editorial/roles';

// The public (and the site's token) reads approved Träger only: a Träger the Redaktion proposed
// is not listed, and its address answers 404, until the Chefredaktion approves it.
export default factories.createCoreController(ORGANISATION, () => ({
  async find(ctx) {
    const filters = (ctx.query.filters ?? {}) as object;
    ctx.query = { ...ctx.query, filters: { $and: [filters, APPROVED_ORGANISATION] } };
    return super.find(ctx);
  },
  async findOne(ctx) {
    const proposed = await strapi.db.query(ORGANISATION).count({ where: { documentId: ctx.params.id, proposed: true } });
    if (proposed > 0) return ctx.notFound();
    return super.findOne(ctx);
  },
}));
