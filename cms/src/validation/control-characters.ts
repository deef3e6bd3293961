import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTROL_CHARACTER } from '@praxis/search';

export interface ControlCharacterFinding {
  path: (string | number)[];
  codePoint: string;
}

/** The first string inside `data` (nested components and lists included) that holds a control character. */
export function findControlCharacter(data: unknown, path: (string | number)[] = []): ControlCharacterFinding | undefined {
  if (typeof data === 'string') {
    const match = CONTROL_CHARACTER.exec(data);
    return match ? { path, codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } : undefined;
  }
  if (Array.isArray(data)) {
    for (const [index, item] of data.entries()) {
      const found = findControlCharacter(item, [...path, index]);
      if (found) return found;
    }
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const found = findControlCharacter(value, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Refuses text with control characters in every content type of ours, from the admin, the REST API and the importer alike. */
export function registerControlCharacterRule(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!context.uid.startsWith('api::') || (context.action !== 'create' && context.action !== 'update')) return next();
    const found = findControlCharacter((context.params as { data?: unknown }).data);
    if (found) {
      const message = `Das Feld „${found.path.join('.')}“ enthält ein unsichtbares Steuerzeichen (${found.codePoint}). Bitte entfernen Sie es, z. B. indem Sie den Text neu eintippen statt ihn einzufügen.`;
      throw new errors.ValidationError(message, { errors: [{ path: found.path.map(String), message, name: 'ValidationError' }] });
    }
    return next();
  });
}
