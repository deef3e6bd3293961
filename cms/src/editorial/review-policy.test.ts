import { describe, expect, it } from 'vitest';
import { editorialStateRefusal, inUseRefusal, publishRefusal, releasedRows } from './review-policy';
import { CHEFREDAKTION, REDAKTION, SUPER_ADMIN_CODE, type AdminUser } from './roles';
import { EDITORIAL_STATES, type EditorialState } from './states';

const redaktion: AdminUser = { roles: [{ code: REDAKTION.code }] };
const chefredaktion: AdminUser = { roles: [{ code: CHEFREDAKTION.code }] };
const administration: AdminUser = { roles: [{ code: SUPER_ADMIN_CODE }] };
const bothRoles: AdminUser = { roles: [{ code: REDAKTION.code }, { code: CHEFREDAKTION.code }] };
const withoutRoles: AdminUser = {};
const strapiEditor: AdminUser = { roles: [{ code: 'strapi-editor' }] };

const statesAllowed = (user: AdminUser | undefined) => EDITORIAL_STATES.filter((state) => editorialStateRefusal(state, user) === undefined);

describe('who may set which editorial state', () => {
  it('lets Redaktion set "Entwurf" and "Zur Prüfung" but not "Freigegeben"', () => {
    expect(statesAllowed(redaktion)).toEqual(['entwurf', 'zur-pruefung']);
  });

  it('lets Chefredaktion and Administration set every state', () => {
    expect(statesAllowed(chefredaktion)).toEqual([...EDITORIAL_STATES]);
    expect(statesAllowed(administration)).toEqual([...EDITORIAL_STATES]);
  });

  it("counts the strongest of a user's roles", () => {
    expect(statesAllowed(bothRoles)).toEqual([...EDITORIAL_STATES]);
  });

  it('treats a user without a newsroom role like Redaktion', () => {
    expect(statesAllowed(withoutRoles)).toEqual(['entwurf', 'zur-pruefung']);
    expect(statesAllowed(strapiEditor)).toEqual(['entwurf', 'zur-pruefung']);
  });

  it("does not restrict the CMS's own work (seed, importer, sync), which acts without a user", () => {
    expect(statesAllowed(undefined)).toEqual([...EDITORIAL_STATES]);
  });

  it('lets anyone save without touching the state', () => {
    for (const state of [undefined, null]) expect(editorialStateRefusal(state, redaktion)).toBeUndefined();
  });

  it('names the refused state in German and says what to do instead', () => {
    expect(editorialStateRefusal('freigegeben' satisfies EditorialState, redaktion)).toBe(
      '„Freigegeben“ darf nur die Chefredaktion setzen. Geben Sie das Praxisbeispiel „Zur Prüfung“.',
    );
  });
});

describe('who may publish a case study', () => {
  it('refuses Redaktion and a user without a newsroom role, with what to do instead', () => {
    expect(publishRefusal(redaktion)).toMatch(/^Veröffentlichen darf nur die Chefredaktion\. Geben Sie das Praxisbeispiel „Zur Prüfung“\.$/);
    // A transfer report ("Nachnutzung") is named as what it is.
    expect(publishRefusal(redaktion, 'den Bericht')).toBe('Veröffentlichen darf nur die Chefredaktion. Geben Sie den Bericht „Zur Prüfung“.');
    expect(publishRefusal(withoutRoles)).toBeDefined();
  });

  it('lets Chefredaktion, Administration and the CMS itself publish', () => {
    expect([chefredaktion, administration, bothRoles, undefined].map(publishRefusal)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('releases the published locale, or every locale when all are published at once', () => {
    expect(releasedRows('doc1', 'en')).toEqual({ documentId: 'doc1', locale: 'en' });
    expect(releasedRows('doc1', '*')).toEqual({ documentId: 'doc1' });
    expect(releasedRows('doc1', undefined)).toEqual({ documentId: 'doc1' });
  });
});

describe('deleting a taxonomy entry', () => {
  it('is allowed when no case study uses it', () => {
    expect(inUseRefusal('Familienzentren', [])).toBeUndefined();
  });

  it('is refused while one case study uses it, counted once across its locales and its draft and published rows', () => {
    const rows = [{ documentId: 'a' }, { documentId: 'a' }, { documentId: 'a' }, { documentId: 'a' }];
    expect(inUseRefusal('Familienzentren', rows)).toBe(
      '„Familienzentren“ wird in einem Praxisbeispiel verwendet und kann nicht gelöscht werden. Entfernen Sie ihn dort zuerst.',
    );
  });

  it('says how many case studies use it', () => {
    expect(inUseRefusal('Kita', [{ documentId: 'a' }, { documentId: 'b' }, { documentId: 'a' }, { documentId: 'c' }])).toMatch(
      /^„Kita“ wird in 3 Praxisbeispielen verwendet/,
    );
  });

  it('speaks of "this entry" when the entry has no name', () => {
    expect(inUseRefusal(null, [{ documentId: 'a' }])).toMatch(/^Dieser Eintrag wird in einem Praxisbeispiel verwendet/);
    expect(inUseRefusal('', [{ documentId: 'a' }])).toMatch(/^Dieser Eintrag /);
  });
});
