import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::quality-criterion.quality-criterion', { only: ['find', 'findOne'] });
