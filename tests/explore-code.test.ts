import { HttpError } from '../server/http/http-error';
import { resolvePicture } from '../server/http/pictures/picture-routes';

// `/explore/{code}` resolves its code as every lookup does, against the codes the server read once per version.

const sources = {
  db: undefined as never, // the page is built later: resolving the path reads no database
  render: undefined as never,
  codes: async () => new Set(['bri', 'brp', 'brt', 'digid-machtigen', 'lrza']),
};
const keyOf = async (path: string) => (await resolvePicture(new URL(path, 'http://x'), sources)).key;
const refusal = async (path: string) => {
  try {
    await keyOf(path);
  } catch (error) {
    return error as HttpError;
  }
  throw new Error(`${path} was accepted`);
};

describe('/explore/{code}', () => {
  it.each([
    ['/explore/brp', '/explore/brp'],
    ['/explore/BRP', '/explore/brp'],
    ['/explore/LRZa', '/explore/lrza'],
    ['/explore/DigiD%20Machtigen', '/explore/digid-machtigen'],
    // the provenance of its relations, canonical (MONITOR alone is the page itself); other parameters ignored
    ['/explore/brp?provenance=monitor&utm_source=x', '/explore/brp'],
    ['/explore/brp?provenance=OUTSIDE,monitor', '/explore/brp?provenance=monitor,outside'],
    ['/explore/brp?provenance=outside&provenance=monitor', '/explore/brp?provenance=monitor,outside'],
    ['/explore/brp?provenance=outside', '/explore/brp?provenance=outside'],
  ])('serves %s as %s', async (path, key) => {
    expect(await keyOf(path)).toBe(key);
  });

  it('answers an unknown code with a 404 that suggests the nearest codes', async () => {
    const error = await refusal('/explore/brx');
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      'No voorziening "brx". Did you mean bri, brp or brt? See /explore for all of them.',
    );
    expect((await refusal('/explore/atlantis')).message).toBe(
      'No voorziening "atlantis"; see /explore for all of them.',
    );
  });
});
