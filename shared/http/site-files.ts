/**
 * The two files browsers and crawlers ask every site for, served by the home function (its second
 * listener rule). Without an icon, every page load's own /favicon.ico probe logged a 404.
 */

/** Crawlers may read the home page and the forms; pages of records (`/?…`) are people's texts. */
const ROBOTS_TXT = 'User-agent: *\nDisallow: /?\n';

/** A white "T" on blue, as SVG: a few hundred bytes, sharp at any size. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1a4f8b"/><path d="M8 8h16v4h-6v13h-4V12H8z" fill="#fff"/></svg>';

export const FAVICON_PATH = '/favicon.svg';

export const SITE_FILES: Readonly<Record<string, { type: string; body: string }>> = {
  '/robots.txt': { type: 'text/plain; charset=utf-8', body: ROBOTS_TXT },
  [FAVICON_PATH]: { type: 'image/svg+xml', body: FAVICON_SVG },
};
