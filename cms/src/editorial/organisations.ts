// Träger proposed by the Redaktion (issue 35): Redaktion may create an organisation from a case
// study's relation picker, but it is only a proposal until the Chefredaktion approves it on the
// dashboard ("Vorgeschlagene Träger"). A proposal is `proposed: true`; every other value (false,
// and null in rows from before the field existed or written by the importer's bulk path) is an
// approved Träger. A proposal never reaches the public: the content API does not list it, and a
// case study naming it cannot be published (case-study-rules.ts), so neither the site nor the
// search index ever carries it.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { slugify } from '../import/slugify';
import { actingAdmin, CASE_STUDY, mayRelease, ORGANISATION } from './roles';

/** The slugified name, with a number appended if another organisation has that slug already. */
export async function freeOrganisationSlug(strapi: Core.Strapi, name: string): Promise<string> {
  const base = slugify(name) || 'organisation';
  for (let suffix = 1; ; suffix += 1) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    if ((await strapi.db.query(ORGANISATION).count({ where: { slug } })) === 0) return slug;
  }
}

/** Where-clause (database query and content API filters alike) for the approved Träger. */
export const APPROVED_ORGANISATION = { $or: [{ proposed: false }, { proposed: { $null: true } }] };

/** The refusal of a case study's publication while its Träger is a proposal, naming it. */
export const proposedProviderMessage = (name: string) =>
  `Der Träger „${name}“ ist erst vorgeschlagen. Die Chefredaktion gibt ihn auf der Startseite unter „Vorgeschlagene Träger“ frei; danach lässt sich das Praxisbeispiel veröffentlichen.`;

interface Row {
  id: number;
  documentId: string;
  name: string;
  website: string | null;
  proposed: boolean | null;
  createdAt: string;
  createdBy?: { firstname?: string | null; lastname?: string | null; email?: string | null } | null;
}

const fail = (message: string, path: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
};

/**
 * A Träger's address comes from its name when none is given (Redaktion's form does not show it).
 * Who proposes: an organisation created in the admin by someone who may not release (Redaktion)
 * is a proposal, one created by Chefredaktion or Administration is approved at once, and one the
 * CMS creates itself (seed, import) is approved. An approved Träger never becomes a proposal
 * again: published case studies may name it.
 */
function registerOrganisationRule(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ORGANISATION) return next();
    const params = context.params as { documentId?: string; data?: { name?: string; slug?: string | null; proposed?: boolean | null } };
    const admin = actingAdmin(strapi);
    // Never without an address: the schema does not require one (Redaktion's form cannot show the field), the CMS makes it.
    const withoutSlug = params.data && 'slug' in params.data ? !params.data.slug : context.action === 'create';
    if ((context.action === 'create' || context.action === 'update') && withoutSlug) {
      const name =
        params.data?.name ??
        ((await strapi.db.query(ORGANISATION).findOne({ where: { documentId: params.documentId }, select: ['name'] })) as Row | null)?.name;
      if (name) params.data = { ...params.data, slug: await freeOrganisationSlug(strapi, name) };
    }
    if (context.action === 'create' && admin) params.data = { ...params.data, proposed: !mayRelease(admin) };
    if (context.action === 'update' && params.data?.proposed === true && params.documentId) {
      const stored = (await strapi.db.query(ORGANISATION).findOne({ where: { documentId: params.documentId }, select: ['proposed'] })) as Row | null;
      if (stored && stored.proposed !== true) fail('Ein freigegebener Träger kann nicht wieder zum Vorschlag werden.', 'proposed');
    }
    return next();
  });
}

function handlers(strapi: Core.Strapi) {
  return {
    /** The proposals, oldest first, with who proposed them and the case studies (drafts) that name them. */
    async list(ctx: Context) {
      const rows = (await strapi.db.query(ORGANISATION).findMany({
        where: { proposed: true },
        orderBy: { createdAt: 'asc' },
        populate: { createdBy: { select: ['firstname', 'lastname', 'email'] } },
      })) as Row[];
      const naming = (await strapi.db.query(CASE_STUDY).findMany({
        where: { publishedAt: null, provider: { id: { $in: rows.map((row) => row.id) } } },
        select: ['documentId', 'locale', 'title'],
        populate: { provider: { select: ['id'] } },
      })) as { documentId: string; locale: string; title: string; provider: { id: number } | null }[];
      ctx.body = {
        total: rows.length,
        items: rows.map((row) => ({
          documentId: row.documentId,
          name: row.name,
          website: row.website,
          proposedAt: row.createdAt,
          proposedBy: [row.createdBy?.firstname, row.createdBy?.lastname].filter(Boolean).join(' ') || row.createdBy?.email || null,
          caseStudies: naming.filter((caseStudy) => caseStudy.provider?.id === row.id).map(({ documentId, locale, title }) => ({ documentId, locale, title })),
        })),
      };
    },
    /** "Freigeben": the proposal becomes a Träger like any other (through the document service, so the change is recorded). */
    async approve(ctx: Context) {
      const row = (await strapi.db.query(ORGANISATION).findOne({ where: { documentId: ctx.params.documentId }, select: ['name', 'proposed'] })) as Row | null;
      if (!row) return refuse(ctx, 404, 'NotFoundError', 'Diesen Träger gibt es nicht.');
      if (row.proposed !== true) return refuse(ctx, 409, 'ConflictError', `Der Träger „${row.name}“ ist schon freigegeben.`);
      await strapi.documents(ORGANISATION).update({ documentId: ctx.params.documentId!, data: { proposed: false } as never });
      ctx.body = { data: { documentId: ctx.params.documentId, name: row.name } };
    },
  };
}

export function registerProposedOrganisations(strapi: Core.Strapi): void {
  registerOrganisationRule(strapi);
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/proposed-organisations', handle.list, 'approve-organisations'],
    ['POST', '/proposed-organisations/:documentId/approve', handle.approve, 'approve-organisations'],
  ]);
}
