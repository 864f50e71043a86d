import { required } from '../server/graphql/resolvers/required';

describe('required (a row the foreign keys guarantee)', () => {
  it('unwraps a row', () => {
    expect(required({ id: 1 }, 'voorziening')).toEqual({ id: 1 });
  });

  it('calls a missing row an inconsistent dataset', () => {
    expect(() => required(undefined, 'voorziening')).toThrow(
      'dataset is inconsistent: voorziening not found',
    );
  });

  it('rethrows a failed load as it is (a lost connection is not inconsistent data)', () => {
    const lost = new Error('lost the connection to PostgreSQL at postgres://db/x (schema s): ECONNRESET');
    expect(() => required(lost, 'voorziening')).toThrow(lost);
  });
});
