// The postinstall's patches of Strapi's built admin (scripts/patch-strapi.mts): in place after
// `npm ci`, or the words they replace are English again in the admin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDirectory, patchState, STRAPI_PATCHES } from '../scripts/patch-strapi.mts';

describe("the patches of Strapi's hard-coded English", () => {
  it.each(STRAPI_PATCHES.map((patch) => [`${patch.pkg}: ${patch.english.join(', ') || patch.replace}`, patch] as const))('are applied: %s', (_name, patch) => {
    const text = readFileSync(join(packageDirectory(patch.pkg), patch.file), 'utf8');
    expect(patchState(patch, text)).toBe('applied');
  });

  it('tell an unpatched file from one whose text an upgrade changed', () => {
    const [patch] = STRAPI_PATCHES;
    expect(patchState(patch!, `a ${patch!.find} b`)).toBe('unpatched');
    expect(patchState(patch!, `a ${patch!.replace} b`)).toBe('applied');
    expect(patchState(patch!, 'a file of another version')).toBe('missing');
  });
});
