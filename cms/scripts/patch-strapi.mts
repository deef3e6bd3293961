// The CMS's postinstall: a few words Strapi 5.54 types into its admin's code instead of asking
// for a message, so no translation reaches them (docs/upgrading.md, "The admin in German"), one
// error message shown for no error (the relation picker's) and one wait without a bound (the
// edit view's actions, the last patch).
// Each patch swaps one literal in a built file of a pinned package for a message lookup (or, in
// the design system, which has no messages, for the admin's language). A patch whose text is
// gone fails the install: an upgrade must look at it again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StrapiPatch {
  /** The package and the built file inside it. */
  pkg: string;
  file: string;
  /** What an editor saw (or a screen reader read). */
  english: string[];
  find: string;
  replace: string;
}

/** The admin's language as the design system can read it: Strapi sets it on <html lang>. */
const GERMAN = 'document.documentElement.lang === "de"';

export const STRAPI_PATCHES: StrapiPatch[] = [
  {
    pkg: '@strapi/admin',
    file: 'dist/admin/admin/src/pages/Settings/pages/Users/ListPage.mjs',
    english: [],
    find: "import { useIntl } from 'react-intl';",
    replace: "import { FormattedMessage, useIntl } from 'react-intl';",
  },
  {
    // Settings → Benutzer's status badge; the messages exist (the edit page uses them).
    pkg: '@strapi/admin',
    file: 'dist/admin/admin/src/pages/Settings/pages/Users/ListPage.mjs',
    english: ['Active', 'Inactive'],
    find: "children: isActive ? 'Active' : 'Inactive'",
    replace:
      "children: /*#__PURE__*/ jsx(FormattedMessage, { id: isActive ? 'Settings.permissions.users.active' : 'Settings.permissions.users.inactive', defaultMessage: isActive ? 'Active' : 'Inactive' })",
  },
  {
    // Its filter fields: the column headers' messages.
    pkg: '@strapi/admin',
    file: 'dist/admin/admin/src/pages/Settings/pages/Users/ListPage.mjs',
    english: ['Firstname', 'Lastname', 'Email', 'Username', 'Active user'],
    find: 'options: FILTERS,',
    replace:
      "options: FILTERS.map((filter)=>({ ...filter, label: formatMessage({ id: filter.name === 'isActive' ? 'Settings.permissions.users.user-status' : `Settings.permissions.users.${filter.name}`, defaultMessage: filter.label }) })),",
  },
  {
    // The registration page's newsletter opt-in, which also accepts Strapi's terms: wrong for
    // public-sector staff invited to the newsroom (left unticked, the form sends news: false).
    pkg: '@strapi/admin',
    file: 'dist/admin/admin/src/pages/Auth/components/Register.mjs',
    english: ['Keep me updated about new features & upcoming improvements'],
    find: '].map(({ size, ...field })=>/*#__PURE__*/ jsx(Grid.Item, {',
    replace: "].filter((field)=>field.name !== 'news').map(({ size, ...field })=>/*#__PURE__*/ jsx(Grid.Item, {",
  },
  {
    // The notifications' region, which screen readers announce as "Notifications alt+T" (sonner's
    // default label and its shortcut): the label from a message. Two patches: the hook, then its use.
    pkg: '@strapi/admin',
    file: 'dist/admin/admin/src/features/Notifications.mjs',
    english: [],
    find: '}, []);\n    const value = React.useMemo(',
    replace: '}, []);\n    const { formatMessage } = useIntl();\n    const value = React.useMemo(',
  },
  {
    pkg: '@strapi/admin',
    file: 'dist/admin/admin/src/features/Notifications.mjs',
    english: ['Notifications'],
    find: 'position: "top-center"\n            })',
    replace:
      "position: \"top-center\",\n                containerAriaLabel: formatMessage({ id: 'notification.region', defaultMessage: 'Notifications' })\n            })",
  },
  {
    // A relation picker's "Neuen Eintrag anlegen" (chosen by click or Enter) also hands the typed
    // text to the picker as if it were a chosen entry, and Strapi answered with an error message
    // ("Beim Hinzufügen der Relation ist ein Fehler aufgetreten") beside the dialog that creates
    // the entry. Entries are chosen by their numeric id: typed text is no choice, nothing to add.
    pkg: '@strapi/content-manager',
    file: 'dist/admin/pages/EditView/components/FormInputs/Relations/Relations.mjs',
    english: [],
    find: 'const relation = options.find((opt)=>opt.id.toString() === relationId);\n        if (!relation) {',
    replace:
      'const relation = options.find((opt)=>opt.id.toString() === relationId);\n        if (!relation && !/^\\d+$/.test(relationId)) return;\n        if (!relation) {',
  },
  {
    // The media picker's search button: the search field's own label.
    pkg: '@strapi/upload',
    file: 'dist/admin/components/AssetDialog/BrowseStep/SearchAsset/SearchAsset.mjs',
    english: ['Search'],
    find: 'label: "Search",',
    replace: "label: formatMessage({ id: getTrad('search.label'), defaultMessage: 'Search for an asset' }),",
  },
  {
    // Every dialog's × (for screen readers); Strapi rarely passes a label of its own.
    pkg: '@strapi/design-system',
    file: 'dist/index.mjs',
    english: ['Close modal'],
    find: 'closeLabel: t = "Close modal"',
    replace: `closeLabel: t = ${GERMAN} ? "Dialog schließen" : "Close modal"`,
  },
  {
    // The page links' navigation landmark (for screen readers).
    pkg: '@strapi/design-system',
    file: 'dist/index.mjs',
    english: ['Pagination'],
    find: 'label: t = "Pagination"',
    replace: `label: t = ${GERMAN} ? "Seitennavigation" : "Pagination"`,
  },
  {
    // Not a word but a wait: the edit view's panels and actions (Speichern, Veröffentlichen, our
    // Prüfung and Verlauf) appear when the browser next finds an idle moment. A main thread that
    // never idles (a busy machine) left them out for over a minute; now at most 250 ms late.
    pkg: '@strapi/admin',
    file: 'dist/admin/admin/src/components/DescriptionComponentRenderer.mjs',
    english: [],
    find: "import { cancelIdleCallback as _cancelIdleCallback, requestIdleCallback as _requestIdleCallback } from '../utils/shims.mjs';",
    replace:
      "import { cancelIdleCallback as _cancelIdleCallback, requestIdleCallback as _whenIdle } from '../utils/shims.mjs';\nconst _requestIdleCallback = (callback)=>_whenIdle(callback, { timeout: 250 });",
  },
];

/** Where Node finds a package from the CMS: cms/node_modules, then each parent's (npm hoists to the root). */
export function packageDirectory(pkg: string, from = dirname(dirname(fileURLToPath(import.meta.url)))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${pkg} is not installed (looked up from ${from})`);
  }
}

export type PatchState = 'applied' | 'unpatched' | 'missing';

/** Whether a patch is in the installed file: its new text there, the old one gone. */
export function patchState(patch: StrapiPatch, text: string): PatchState {
  if (text.includes(patch.replace) && !text.includes(patch.find)) return 'applied';
  return text.includes(patch.find) ? 'unpatched' : 'missing';
}

/** Applies every patch that is not yet in place; throws when a file no longer has the text to replace. */
export function applyStrapiPatches(): string[] {
  const changed: string[] = [];
  for (const patch of STRAPI_PATCHES) {
    const path = resolve(packageDirectory(patch.pkg), patch.file);
    const text = readFileSync(path, 'utf8');
    const state = patchState(patch, text);
    if (state === 'applied') continue;
    if (state === 'missing')
      throw new Error(`${patch.pkg}/${patch.file} no longer contains ${JSON.stringify(patch.find)}: see docs/upgrading.md, "The admin in German"`);
    if (text.split(patch.find).length !== 2) throw new Error(`${patch.pkg}/${patch.file} contains ${JSON.stringify(patch.find)} more than once`);
    writeFileSync(
      path,
      text.replace(patch.find, () => patch.replace),
    );
    changed.push(`${patch.pkg}/${patch.file}`);
  }
  return changed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const changed = applyStrapiPatches();
  console.log(changed.length ? `Strapi patched (German admin): ${[...new Set(changed)].join(', ')}` : 'Strapi patches already applied');
}
