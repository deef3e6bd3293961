import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::setting.setting');
