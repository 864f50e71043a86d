import * as jsonStrings from '../server/lib/json-string';

const { JSON_STRING_MAX_KEPT, JSON_STRING_MAX_KEPT_LENGTH } = jsonStrings;

/** The module loaded afresh, with nothing kept. */
function fresh(): typeof jsonStrings {
  let loaded: typeof jsonStrings | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<typeof jsonStrings>('../server/lib/json-string');
  });
  return loaded!;
}

describe('jsonString: a string as JSON text, the short ones kept', () => {
  it('writes any string exactly as JSON.stringify, the first time and again', () => {
    const { jsonString } = fresh();
    const strings = [
      '',
      'digid',
      '"',
      '\\',
      '\u0000\u001f\b\f\n\r\t\u007f',
      'één € \u2028 🇳🇱',
      '\ud800',
      'a\udfffb',
      'x'.repeat(JSON_STRING_MAX_KEPT_LENGTH),
      'x'.repeat(JSON_STRING_MAX_KEPT_LENGTH + 1) + '"',
    ];
    for (const text of strings) {
      expect(jsonString(text)).toBe(JSON.stringify(text));
      expect(jsonString(text)).toBe(JSON.stringify(text));
    }
  });

  it('keeps a string of the longest kept length, once, and not one a character longer', () => {
    const { jsonString, jsonStringsKept } = fresh();
    jsonString('y'.repeat(JSON_STRING_MAX_KEPT_LENGTH + 1));
    expect(jsonStringsKept()).toBe(0);
    jsonString('y'.repeat(JSON_STRING_MAX_KEPT_LENGTH));
    expect(jsonStringsKept()).toBe(1);
    jsonString('y'.repeat(JSON_STRING_MAX_KEPT_LENGTH));
    expect(jsonStringsKept()).toBe(1);
  });

  it('keeps at most JSON_STRING_MAX_KEPT: exactly full it keeps them all, one more lets the others go', () => {
    const { jsonString, jsonStringsKept } = fresh();
    for (let n = 0; n < JSON_STRING_MAX_KEPT; n++) jsonString(`s${n}`);
    expect(jsonStringsKept()).toBe(JSON_STRING_MAX_KEPT);
    // one already kept is found: nothing changes
    expect(jsonString('s0')).toBe('"s0"');
    expect(jsonStringsKept()).toBe(JSON_STRING_MAX_KEPT);
    // one more: the others are let go, the new one is kept
    expect(jsonString('one more "')).toBe(JSON.stringify('one more "'));
    expect(jsonStringsKept()).toBe(1);
    expect(jsonString('s1')).toBe('"s1"');
    expect(jsonStringsKept()).toBe(2);
  });
});
