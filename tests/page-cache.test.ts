import { DerivedCache, perVersion, type DerivedFile } from '../server/http/pictures/page-cache';

const file = (text: string): DerivedFile => ({ contentType: 'text/plain', body: Buffer.from(text) });

/** A build that counts its calls and finishes when told to. */
function controlledBuild(text: string) {
  let finish: (file: DerivedFile) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const build = jest.fn(
    () =>
      new Promise<DerivedFile>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return { build, finish: () => finish(file(text)), fail: (error: Error) => fail(error) };
}

describe('the kept derived files (pages, pictures, exports)', () => {
  it('builds a file once for the requests that ask meanwhile, then answers from memory', async () => {
    const cache = new DerivedCache();
    const page = controlledBuild('page');
    const asked = Array.from({ length: 5 }, () =>
      cache.get('v1', { key: '/explore/brp', build: page.build }),
    );
    page.finish();
    const answers = await Promise.all(asked);
    expect(page.build).toHaveBeenCalledTimes(1);
    expect(answers.map((a) => [a.file.body.toString(), a.hit])).toEqual(Array(5).fill(['page', false]));
    expect(await cache.get('v1', { key: '/explore/brp', build: page.build })).toMatchObject({ hit: true });
    expect(page.build).toHaveBeenCalledTimes(1);
  });

  it('drops everything kept when the dataset version changes, and keeps no build of the old version', async () => {
    const cache = new DerivedCache();
    await cache.get('v1', { key: '/explore', build: async () => file('old') });
    const slow = controlledBuild('old, finished late');
    const late = cache.get('v1', { key: '/explore/hr', build: slow.build });
    // the dataset changes under the running server
    const fresh = await cache.get('v2', { key: '/explore', build: async () => file('new') });
    expect([fresh.file.body.toString(), fresh.hit]).toEqual(['new', false]);
    slow.finish();
    expect((await late).file.body.toString()).toBe('old, finished late'); // its own request still gets it
    const again = await cache.get('v2', { key: '/explore/hr', build: async () => file('new hr') });
    expect([again.file.body.toString(), again.hit]).toEqual(['new hr', false]);
    expect(cache.size.files).toBe(2);
  });

  it('keeps no failed build: the next request builds again', async () => {
    const cache = new DerivedCache();
    const failing = controlledBuild('x');
    const first = cache.get('v1', { key: '/stelsel.svg', build: failing.build });
    failing.fail(new Error('database gone'));
    await expect(first).rejects.toThrow('database gone');
    const second = await cache.get('v1', { key: '/stelsel.svg', build: async () => file('svg') });
    expect([second.file.body.toString(), second.hit]).toEqual(['svg', false]);
  });

  it('keeps at most its bytes, letting the least recently used go first', async () => {
    const cache = new DerivedCache(100);
    const get = (key: string) => cache.get('v1', { key, build: async () => file('x'.repeat(38)) }); // 40 bytes each
    await get('/a');
    await get('/b');
    await get('/a'); // used again: /b is now the least recently used
    await get('/c');
    expect(cache.size).toEqual({ files: 2, bytes: 80 });
    expect((await get('/a')).hit).toBe(true);
    expect((await get('/c')).hit).toBe(true);
    expect((await get('/b')).hit).toBe(false);
    // a file larger than the whole cache is served, never kept
    const huge = await cache.get('v1', { key: '/huge', build: async () => file('y'.repeat(200)) });
    expect(huge.file.body.length).toBe(200);
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
  });
});

describe('a value per dataset version', () => {
  it('is loaded once per version, and again after a failure', async () => {
    let calls = 0;
    let failNext = false;
    const codes = perVersion(async () => {
      calls += 1;
      if (failNext) throw new Error('unreachable');
      return new Set(['brp', `call ${calls}`]);
    });
    expect(await codes('v1')).toEqual(new Set(['brp', 'call 1']));
    expect(await codes('v1')).toEqual(new Set(['brp', 'call 1']));
    failNext = true;
    await expect(codes('v2')).rejects.toThrow('unreachable');
    failNext = false;
    expect(await codes('v2')).toEqual(new Set(['brp', 'call 3']));
    expect(calls).toBe(3);
  });
});
