import { describe, expect, it } from 'vitest';
import { rememberSignedInUser, statesForEditor, type EditLayout } from './state-menu';

const layout = (): EditLayout => ({
  layout: [
    [
      [
        { name: 'title', attribute: { type: 'string' } },
        { name: 'editorialState', attribute: { type: 'enumeration', enum: ['entwurf', 'zur-pruefung', 'freigegeben'] } },
      ],
    ],
  ],
});
const stateOptions = (edited: EditLayout) => edited.layout[0]![0]![1]!.attribute?.enum;
const signIn = (roles: string[]) =>
  rememberSignedInUser()()((action) => action)({
    type: 'adminApi/executeQuery/fulfilled',
    meta: { arg: { endpointName: 'getMe' } },
    payload: { id: 1, roles: roles.map((code) => ({ code })) },
  });

describe('the state menu', () => {
  it('offers Redaktion "Entwurf" and "Zur Prüfung" only', () => {
    expect(stateOptions(statesForEditor(layout(), false))).toEqual(['entwurf', 'zur-pruefung']);
  });

  it('offers the Chefredaktion every state, and every state while it is unknown who signed in', () => {
    expect(stateOptions(statesForEditor(layout(), true))).toEqual(['entwurf', 'zur-pruefung', 'freigegeben']);
    expect(stateOptions(statesForEditor(layout(), undefined))).toEqual(['entwurf', 'zur-pruefung', 'freigegeben']);
  });

  it("learns who signed in from the admin's getMe answer", () => {
    signIn(['praxis-redaktion']);
    expect(stateOptions(statesForEditor(layout()))).toEqual(['entwurf', 'zur-pruefung']);
    signIn(['praxis-chefredaktion']);
    expect(stateOptions(statesForEditor(layout()))).toEqual(['entwurf', 'zur-pruefung', 'freigegeben']);
  });
});

describe('the narrowed layout', () => {
  it('is the same object for the same layout, so the edit view keeps its render', () => {
    const strapiLayout = layout();
    expect(statesForEditor(strapiLayout, false)).toBe(statesForEditor(strapiLayout, false));
  });
});
