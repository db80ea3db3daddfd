import { describe, expect, it } from 'vitest';
import { loginWallError, notAnArticle, parseContentType, sniffType, statusError } from '../../../src/core/fetch/response.js';

describe('parseContentType', () => {
  it('splits the media type from its charset', () => {
    expect(parseContentType('Text/HTML; Charset="Windows-1252"')).toEqual({ type: 'text/html', charset: 'windows-1252' });
    expect(parseContentType('application/xhtml+xml;charset=utf-8;q=1')).toEqual({ type: 'application/xhtml+xml', charset: 'utf-8' });
    expect(parseContentType('text/plain')).toEqual({ type: 'text/plain' });
  });

  it('reads a charset in single quotes or with spaces around the equals sign, and ignores an empty one', () => {
    expect(parseContentType("text/html; charset='ISO-8859-1'")).toEqual({ type: 'text/html', charset: 'iso-8859-1' });
    expect(parseContentType('text/html; charset = utf-8')).toEqual({ type: 'text/html', charset: 'utf-8' });
    expect(parseContentType('text/html; charset=""')).toEqual({ type: 'text/html' });
    expect(parseContentType('text/html; charset=')).toEqual({ type: 'text/html' });
  });

  it('returns undefined for a missing or malformed header', () => {
    expect(parseContentType(undefined)).toBeUndefined();
    expect(parseContentType('')).toBeUndefined();
    expect(parseContentType('html')).toBeUndefined();
  });
});

describe('statusError', () => {
  it('lets 2xx through', () => {
    expect(statusError(200)).toBeUndefined();
    expect(statusError(203)).toBeUndefined();
  });

  it.each([
    [401, /login/],
    [402, /paywall/],
    [403, /forbidden/i],
    [451, /legal/],
  ])('explains %i as a page Skim may not read', (status, message) => {
    const error = statusError(status);
    expect(error?.code).toBe('PAYWALL');
    expect(error?.message).toMatch(message);
    expect(error?.details.status).toBe(status);
  });

  it.each([
    [404, /wasn't found \(404\)/],
    [410, /wasn't found \(410\)/],
    [429, /429/],
    [500, /error \(500\)/],
    [503, /error \(503\)/],
    [418, /error \(418\)/],
    [302, /redirect/],
  ])('reports %i as an HTTP error with its status', (status, message) => {
    const error = statusError(status);
    expect(error?.code).toBe('HTTP_STATUS');
    expect(error?.message).toMatch(message);
    expect(error?.details.status).toBe(status);
  });
});

describe('notAnArticle', () => {
  it('names the media type in the message and details', () => {
    const error = notAnArticle('application/pdf');
    expect(error.code).toBe('NOT_HTML');
    expect(error.message).toBe("That link isn't an article (application/pdf).");
    expect(error.details.contentType).toBe('application/pdf');
  });
});

describe('sniffType', () => {
  it('recognises common binary formats served without a type', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image/png');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from([1, 2, 0, 3]))).toBe('application/octet-stream');
  });

  it('reads text as HTML', () => {
    expect(sniffType(Buffer.from('<!doctype html><p>Hello'))).toBe('text/html');
    expect(sniffType(Buffer.alloc(0))).toBe('text/html');
  });
});

describe('loginWallError', () => {
  const article = new URL('https://news.example/2024/05/story');

  it.each([
    'https://news.example/login?next=/2024/05/story',
    'https://news.example/account/sign-in',
    'https://news.example/subscribe.html',
    'https://auth.news.example/authorize',
    'https://login.provider.example/',
  ])('recognises a redirect to the login or subscription page %s', (landed) => {
    const error = loginWallError(article, new URL(landed));
    expect(error?.code).toBe('PAYWALL');
    expect(error?.message).toMatch(/login or subscription/);
  });

  it.each([
    'https://news.example/2024/05/story',
    'https://www.news.example/2024/05/story',
    'https://news.example/blog/how-to-login-safely',
    'https://news.example/authors/jane',
  ])('lets an ordinary landing page through: %s', (landed) => {
    expect(loginWallError(article, new URL(landed))).toBeUndefined();
  });

  it('does not refuse a link that points at a login page itself', () => {
    expect(loginWallError(new URL('https://news.example/login'), new URL('https://news.example/login/'))).toBeUndefined();
  });
});
