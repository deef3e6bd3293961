import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::quality-criterion.quality-criterion');
