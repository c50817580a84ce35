import { camel, kebab, pascal, snake, words } from '../../src/render/case.js';

describe('case forms of a name', () => {
  it('split words where the case changes, keeping acronyms whole', () => {
    expect(words('AdminInitiateAuthResponse')).toEqual(['Admin', 'Initiate', 'Auth', 'Response']);
    expect(words('HTTPHeaderList')).toEqual(['HTTP', 'Header', 'List']);
    expect(words('_3DModel')).toEqual(['3', 'D', 'Model']);
  });

  it('give each form', () => {
    expect([pascal('petOwner'), camel('PetOwner'), kebab('PetOwner'), snake('PetOwner')]).toEqual(['PetOwner', 'petOwner', 'pet-owner', 'pet_owner']);
    expect([camel('HTTPHeader'), kebab('HTTPHeader'), pascal('HTTPHeader')]).toEqual(['httpHeader', 'http-header', 'HTTPHeader']);
  });

  it('keep camel and pascal forms identifiers: a leading digit gets an underscore', () => {
    expect(camel('_3DModel')).toBe('_3DModel');
    expect(pascal('3 d model')).toBe('_3DModel');
    expect(kebab('_3DModel')).toBe('3-d-model');
  });

  it('hold only letters, digits, "_", "$" and "-", whatever the text', () => {
    for (const text of ['a"b\'c', '../x', '*/ y', 'ü-ñ', '$', '']) {
      for (const form of [pascal, camel, kebab, snake]) expect(form(text)).toMatch(/^[A-Za-z0-9_$-]+$/);
    }
  });
});
