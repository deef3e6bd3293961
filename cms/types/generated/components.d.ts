import type { Schema, Struct } from '@strapi/strapi';

export interface CaseStudyContact extends Struct.ComponentSchema {
  collectionName: 'components_case_study_contacts';
  info: {
    description: 'Ansprechstelle (Funktion, keine Privatperson)';
    displayName: 'Kontakt';
  };
  attributes: {
    email: Schema.Attribute.Email;
    organisation: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 50;
      }>;
    role: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    website: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface CaseStudyLink extends Struct.ComponentSchema {
  collectionName: 'components_case_study_links';
  info: {
    description: 'Weiterf\u00FChrender Link';
    displayName: 'Link';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

export interface CaseStudyListItem extends Struct.ComponentSchema {
  collectionName: 'components_case_study_list_items';
  info: {
    description: 'Ein Punkt einer Liste (Gelingensbedingung, Stolperstein, Partner)';
    displayName: 'Listeneintrag';
  };
  attributes: {
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

export interface CaseStudyTransferability extends Struct.ComponentSchema {
  collectionName: 'components_case_study_transferabilities';
  info: {
    description: 'Was es braucht, das Projekt anderswo umzusetzen';
    displayName: '\u00DCbertragbarkeit';
  };
  attributes: {
    budgetRange: Schema.Attribute.Enumeration<['unter-10000', '10000-50000', '50000-100000', '100000-250000', 'ueber-250000']>;
    durationMonths: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 240;
          min: 1;
        },
        number
      >;
    firstSteps: Schema.Attribute.RichText;
    partnersNeeded: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    staffFte: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      >;
  };
}

export interface MediaImage extends Struct.ComponentSchema {
  collectionName: 'components_media_images';
  info: {
    description: 'Bild mit Pflicht-Alternativtext';
    displayName: 'Bild';
  };
  attributes: {
    alt: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
        minLength: 3;
      }>;
    caption: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    credit: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    file: Schema.Attribute.Media<'images'> & Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'case-study.contact': CaseStudyContact;
      'case-study.link': CaseStudyLink;
      'case-study.list-item': CaseStudyListItem;
      'case-study.transferability': CaseStudyTransferability;
      'media.image': MediaImage;
    }
  }
}
