import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::building-block.building-block', { only: ['find', 'findOne'] });
