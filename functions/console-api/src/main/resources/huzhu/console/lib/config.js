/*
 * What the server tells the page in its meta element: where the API is (a named stage puts its name in front of
 * every path) and how officers sign in. Read once; the page has no inline script to pass it otherwise.
 */
export var config = JSON.parse(document.querySelector('meta[name="huzhu-config"]').getAttribute('content') || '{}');

/** The path prefix of the API and of the page's files: "/prod" on a named stage, "" otherwise. */
export var BASE = config.base || '';
