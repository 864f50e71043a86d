import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import {
  addVary,
  asksIfAnyExists,
  etagFor,
  matchesIfNoneMatch,
  sendNotModified,
} from '../server/http/http-cache';

// The HTTP caching helpers on their own: ETags, If-None-Match lists, Vary merging and the 304 they send.

const request = (headers: Record<string, string> = {}) => {
  const message = new IncomingMessage(new Socket());
  message.headers = headers;
  return message;
};
const response = () => new ServerResponse(request());

describe('etagFor', () => {
  it('is a weak tag of 32 base64url characters', () => {
    expect(etagFor('v1', '?query=x', 'application/json')).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
  });

  it('depends on the dataset version, the query string and the accepted type, each on its own', () => {
    const base = etagFor('v1', '?a', 'application/json');
    expect(etagFor('v1', '?a', 'application/json')).toBe(base);
    expect(etagFor('v2', '?a', 'application/json')).not.toBe(base);
    expect(etagFor('v1', '?b', 'application/json')).not.toBe(base);
    expect(etagFor('v1', '?a', 'text/csv')).not.toBe(base);
    expect(etagFor('v1', '?a', undefined)).toBe(etagFor('v1', '?a', ''));
    expect(etagFor('v1', '?a', undefined)).not.toBe(base);
  });

  it('keeps the parts apart: moving text from one part to the next changes the tag', () => {
    expect(etagFor('v1', '?a', 'x')).not.toBe(etagFor('v1?', 'a', 'x'));
    expect(etagFor('v1', '?a', 'x')).not.toBe(etagFor('v1', '?ax', ''));
  });
});

describe('If-None-Match', () => {
  const etag = etagFor('v1', '?a', 'application/json');
  const opaque = etag.slice(2);

  it('matches the tag, weak or strong, alone or in a list', () => {
    expect(matchesIfNoneMatch(request({ 'if-none-match': etag }), etag)).toBe(true);
    expect(matchesIfNoneMatch(request({ 'if-none-match': opaque }), etag)).toBe(true);
    expect(matchesIfNoneMatch(request({ 'if-none-match': `"other", ${etag}` }), etag)).toBe(true);
    expect(matchesIfNoneMatch(request({ 'if-none-match': `${opaque},"other"` }), etag)).toBe(true);
  });

  it('matches nothing else', () => {
    expect(matchesIfNoneMatch(request(), etag)).toBe(false);
    expect(matchesIfNoneMatch(request({ 'if-none-match': '' }), etag)).toBe(false);
    expect(matchesIfNoneMatch(request({ 'if-none-match': 'W/"other"' }), etag)).toBe(false);
    expect(matchesIfNoneMatch(request({ 'if-none-match': '*' }), etag)).toBe(false);
    expect(matchesIfNoneMatch(request({ 'if-none-match': ', ,' }), etag)).toBe(false);
    expect(matchesIfNoneMatch(request({ 'if-none-match': opaque.slice(0, -1) }), etag)).toBe(false);
    // W/ marks a weak tag only in front of it, not inside its quotes
    expect(matchesIfNoneMatch(request({ 'if-none-match': `"W/${opaque.slice(1)}` }), etag)).toBe(false);
  });

  it('tells `*`, alone or in a list, from a tag', () => {
    expect(asksIfAnyExists(request({ 'if-none-match': '*' }))).toBe(true);
    expect(asksIfAnyExists(request({ 'if-none-match': ' * ' }))).toBe(true);
    expect(asksIfAnyExists(request({ 'if-none-match': `${etag}, *` }))).toBe(true);
    expect(asksIfAnyExists(request({ 'if-none-match': etag }))).toBe(false);
    expect(asksIfAnyExists(request({ 'if-none-match': '"*"' }))).toBe(false);
    expect(asksIfAnyExists(request())).toBe(false);
  });
});

describe('addVary', () => {
  it('sets Vary when there is none', () => {
    const res = response();
    addVary(res, 'accept');
    expect(res.getHeader('vary')).toBe('accept');
    const none = response();
    addVary(none);
    expect(none.getHeader('vary')).toBe('');
  });

  it('keeps what is there and adds each field once, whatever its case', () => {
    const res = response();
    res.setHeader('vary', 'Origin');
    addVary(res, 'accept', 'origin', 'Accept', 'accept-encoding');
    expect(res.getHeader('vary')).toBe('Origin, accept, accept-encoding');
  });

  it('reads a Vary set as a list, with spaces and empty fields', () => {
    const res = response();
    res.setHeader('vary', ['origin', ' accept ,,']);
    addVary(res, 'Accept', 'x-custom');
    expect(res.getHeader('vary')).toBe('origin, accept, x-custom');
  });
});

describe('sendNotModified', () => {
  it('answers 304 with the tag, Cache-Control and Vary, and no content headers', () => {
    const res = response();
    res.setHeader('vary', 'origin');
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-length', '12');
    res.setHeader('access-control-allow-origin', '*');
    sendNotModified(res, { etag: 'W/"abc"', cacheControl: 'public, max-age=60', vary: ['accept'] });
    expect(res.statusCode).toBe(304);
    expect(res.writableEnded).toBe(true);
    expect(res.getHeaders()).toEqual({
      etag: 'W/"abc"',
      'cache-control': 'public, max-age=60',
      vary: 'origin, accept',
      'access-control-allow-origin': '*',
    });
  });
});
