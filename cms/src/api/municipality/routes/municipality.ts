import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::municipality.municipality', { only: ['find', 'findOne'] });
