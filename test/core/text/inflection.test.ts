import { describe, expect, it } from 'vitest';
import { singularForms } from '../../../src/core/text/inflection.js';

describe('singularForms', () => {
  it('gives a regular plural its singular beside it', () => {
    expect(singularForms('bands')).toEqual(['bands', 'band']);
    expect(singularForms('companies')).toEqual(['companies', 'company']);
    expect(singularForms('churches')).toEqual(['churches', 'church']);
    expect(singularForms('parishes')).toEqual(['parishes', 'parish']);
    expect(singularForms('boxes')).toEqual(['boxes', 'box']);
    expect(singularForms('presses')).toEqual(['presses', 'press']);
  });

  it('leaves words that are no regular plural as they are', () => {
    expect(singularForms('press')).toEqual(['press']);
    expect(singularForms('men')).toEqual(['men']);
    expect(singularForms('is')).toEqual(['is']);
  });

  it('takes a short "-ies" word back by its "s" alone', () => {
    expect(singularForms('ties')).toEqual(['ties', 'tie']);
  });
});
