// Every way a file enters or changes in the media library goes through Strapi's upload service:
// the admin's media library (upload, replace, edit, delete, bulk delete, folder delete), the
// content API's upload, the submissions' images. Its entry points are wrapped here, so that
// (1) each file is judged by its content (checked-file.ts) before Strapi stores it, and
// (2) Redaktion cannot replace, rename or delete a file that a published entry shows: that would
//     change a live page without the four-eyes review (Strapi's permission is all or nothing).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actingAdmin, mayRelease } from '../editorial/roles';
import { checkIncomingFile, displayName, FileRefused, type IncomingFile } from './checked-file';
import { isShownLive } from './live-files';

interface FileInfo {
  name?: string;
  alternativeText?: string | null;
  caption?: string | null;
  folder?: number | null;
}
interface StoredFile {
  id: number;
  name: string;
  ext?: string;
  alternativeText?: string | null;
  caption?: string | null;
}
interface UploadService {
  upload(
    input: { data: { fileInfo?: FileInfo | FileInfo[] } & Record<string, unknown>; files: IncomingFile | IncomingFile[] },
    options?: unknown,
  ): Promise<unknown>;
  replace(id: number | string, input: { data: { fileInfo?: FileInfo } & Record<string, unknown>; file: IncomingFile }, options?: unknown): Promise<unknown>;
  updateFileInfo(id: number | string, info: FileInfo, options?: unknown): Promise<unknown>;
  remove(file: StoredFile): Promise<unknown>;
  findOne(id: number | string): Promise<StoredFile | null>;
}
interface DeletingService {
  deleteByIds(ids: (number | string)[]): Promise<unknown>;
}

export const LIVE_FILE_MESSAGE =
  'Diese Datei zeigt ein veröffentlichtes Praxisbeispiel. Ersetzen, umbenennen oder löschen darf sie nur die Chefredaktion. Laden Sie eine neue Datei hoch und verwenden Sie sie im Entwurf; mit der Veröffentlichung wird sie sichtbar.';

/** Refuses the change when the acting editor may not release content and a published entry shows the file. */
async function assertMayChange(strapi: Core.Strapi, ids: (number | string)[]): Promise<void> {
  const user = actingAdmin(strapi);
  if (!user || mayRelease(user)) return;
  for (const id of ids) {
    // A PolicyError: Strapi's route wrapper turns any other ForbiddenError into a bare "Forbidden".
    if (await isShownLive(strapi, Number(id))) throw new errors.PolicyError(LIVE_FILE_MESSAGE);
  }
}

/** Prepares each file (checked-file.ts) and gives its description the display name of its real type. */
async function checkFiles(files: IncomingFile[], infos: FileInfo[]): Promise<void> {
  for (const [index, file] of files.entries()) {
    const info = infos[index];
    const originalName = info?.name || file.originalFilename || 'datei';
    const type = await checkIncomingFile(file);
    if (info) info.name = displayName(originalName, type);
  }
}

export function registerUploadGuard(strapi: Core.Strapi): void {
  const services = strapi.get('services') as { extend(uid: string, extend: (service: never) => unknown): unknown };

  services.extend('plugin::upload.upload', (upload: UploadService): UploadService => ({
    ...upload,
    async upload(input, options) {
      const files = Array.isArray(input.files) ? input.files : [input.files];
      const fileInfo = input.data.fileInfo;
      const infos = (Array.isArray(fileInfo) ? fileInfo : [fileInfo ?? {}]).map((info) => ({ ...info }));
      await checkFiles(files, infos);
      const data = { ...input.data, fileInfo: Array.isArray(fileInfo) ? infos : infos[0] };
      return upload.upload({ data, files: input.files }, options);
    },
    async replace(id, input, options) {
      await assertMayChange(strapi, [id]);
      const stored = await upload.findOne(id);
      const infos = [{ ...input.data.fileInfo }];
      await checkFiles([input.file], infos);
      // Strapi keeps the stored name's extension and address: the new content must be of the same type.
      const newExtension = input.file.originalFilename?.replace(/^.*(\.[^.]+)$/, '$1');
      if (stored?.ext && newExtension && stored.ext.toLowerCase() !== newExtension && !(stored.ext.toLowerCase() === '.jpeg' && newExtension === '.jpg')) {
        throw new FileRefused(
          `Eine Datei kann nur durch eine Datei desselben Typs ersetzt werden („${stored.ext}“). Laden Sie die neue Datei stattdessen als eigene Datei hoch.`,
        );
      }
      return upload.replace(id, { data: { ...input.data, fileInfo: infos[0] }, file: input.file }, options);
    },
    async updateFileInfo(id, info, options) {
      const stored = await upload.findOne(id);
      const changes = (key: 'name' | 'alternativeText' | 'caption') => info[key] != null && info[key] !== stored?.[key];
      // Moving a file to another folder changes no page; its name, alt text and caption may.
      if (changes('name') || changes('alternativeText') || changes('caption')) await assertMayChange(strapi, [id]);
      return upload.updateFileInfo(id, info, options);
    },
    async remove(file) {
      await assertMayChange(strapi, [file.id]);
      return upload.remove(file);
    },
  }));

  // The media library's bulk delete and folder delete: refused as a whole before anything is deleted.
  services.extend('plugin::upload.file', (file: DeletingService): DeletingService => ({
    ...file,
    async deleteByIds(ids) {
      await assertMayChange(strapi, ids);
      return file.deleteByIds(ids);
    },
  }));
  services.extend('plugin::upload.folder', (folder: DeletingService): DeletingService => ({
    ...folder,
    async deleteByIds(ids) {
      const user = actingAdmin(strapi);
      if (user && !mayRelease(user)) {
        // Strapi deletes a folder's whole subtree: its files and those of every subfolder.
        const folders = (await strapi.db.query('plugin::upload.folder').findMany({ where: { id: { $in: ids } }, select: ['path'] })) as { path: string }[];
        const files =
          folders.length === 0
            ? []
            : ((await strapi.db.query('plugin::upload.file').findMany({
                where: { $or: folders.flatMap(({ path }) => [{ folderPath: path }, { folderPath: { $startsWith: `${path}/` } }]) },
                select: ['id'],
              })) as { id: number }[]);
        await assertMayChange(
          strapi,
          files.map((entry) => entry.id),
        );
      }
      return folder.deleteByIds(ids);
    },
  }));
}
