import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::building-block.building-block');
