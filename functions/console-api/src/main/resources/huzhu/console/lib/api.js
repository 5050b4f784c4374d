/*
 * Calls of the /v1 API with the session's ID token (renewed first when due), and of the local stack's own
 * /local routes. An answer that is not a success becomes an ApiError with the contract's error body, its text in
 * the page's language; a failed network or a server that cannot answer gets the page's own words (never the
 * browser's "Failed to fetch" or a server's "Internal error") and tells lib/live.js the page is not live.
 */
import { BASE } from './config.js';
import { t, language } from './i18n.js';
import { endSession, renewed, saveSession, session } from './auth.js';
import { reportLost, reportOk } from './live.js';

/** {@code status} 0: the network failed. Texts of 5xx and network failures are the page's own. */
export function ApiError(status, body) {
  var err = (body && body.error) || {};
  this.status = status;
  this.code = err.code || (status === 0 ? 'network' : String(status));
  if (status === 0) this.message = t('error.network');
  else if (status >= 500) this.message = t('error.server');
  else this.message = err.message || t('common.failedStatus', { status: status });
  this.fields = err.fields || {};
}

var refreshing = null;
/** The last answer to each GET and its ETag: asked again with If-None-Match, a 304 gives back this same object. */
var remembered = {};

/**
 * A Cognito ID token an hour old is renewed with the refresh token before the API is called; calls made
 * meanwhile wait for the same renewal. A refresh token the service refuses (expired, revoked) ends the
 * session; a network failure fails only this call.
 */
function freshToken() {
  var auth = session();
  if (!auth) return Promise.reject(new ApiError(401, null));
  if (auth.mode === 'token' || Date.now() < auth.expiresAt || !auth.refreshToken) return Promise.resolve(auth.token);
  if (!refreshing) {
    var was = auth;
    refreshing = renewed(was).then(function (a) {
      refreshing = null;
      if (session() !== was) throw new ApiError(401, null); // signed out meanwhile
      saveSession(a);
      return a.token;
    }, function (e) {
      refreshing = null;
      if (e.status && session() === was) {
        endSession({ key: 'signin.sessionExpired' });
        throw new ApiError(401, null);
      }
      throw e;
    });
  }
  return refreshing;
}

/** A failed fetch (offline, refused, cut) as an ApiError the page can say. */
function networkFailure() {
  reportLost();
  throw new ApiError(0, null);
}

/**
 * {@code opts}: a content type (string), or {contentType, idempotencyKey, raw, headers}. {@code raw}: the Response
 * itself (a spreadsheet to save) once it is a success. {@code headers}: more request headers (If-Match). A record
 * read with an ETag (an editable one) carries it as {@code etag}, not enumerable: sending the record back does not
 * send it.
 */
export function api(method, path, body, opts) {
  var o = typeof opts === 'string' ? { contentType: opts } : (opts || {});
  var cached = method === 'GET' ? remembered[path] : null;
  return freshToken().then(function (token) {
    var headers = Object.assign({ 'Authorization': 'Bearer ' + token, 'Accept': 'application/json',
      'X-Huzhu-Language': language() }, o.headers || {});
    var payload;
    if (body != null) {
      headers['Content-Type'] = o.contentType || 'application/json';
      payload = typeof body === 'string' || body instanceof Blob || body instanceof ArrayBuffer ? body : JSON.stringify(body);
    }
    if (o.idempotencyKey) headers['Idempotency-Key'] = o.idempotencyKey;
    if (cached && !o.raw) headers['If-None-Match'] = cached.etag;
    return fetch(BASE + path, { method: method, headers: headers, body: payload, cache: 'no-store' })
      .catch(networkFailure);
  }).then(function (r) {
    if (r.status >= 500) {
      reportLost();
      return r.text().then(function () { throw new ApiError(r.status, null); }, function () { throw new ApiError(r.status, null); });
    }
    reportOk();
    if (r.status === 304 && cached) return cached.json;
    if (r.status === 204) return {};
    if (o.raw && r.ok) return r;
    return r.text().then(function (text) {
      var json = null;
      try { json = text ? JSON.parse(text) : {}; } catch (e) { json = null; }
      if (r.status === 401) {
        var auth = session();
        endSession(auth && auth.mode !== 'token' ? { key: 'signin.sessionExpired' } : null);
        throw new ApiError(401, json);
      }
      if (!r.ok) throw new ApiError(r.status, json);
      var etag = r.headers.get('ETag');
      if (etag && json && typeof json === 'object') Object.defineProperty(json, 'etag', { value: etag });
      if (method === 'GET' && etag && json) remembered[path] = { etag: etag, json: json };
      return json;
    }, networkFailure);
  });
}

/** Forgets every remembered answer (another user signs in on this tab). */
export function forgetAnswers() { remembered = {}; }

/** A new key for one action a person means to take once (a retry after a failure reuses it). */
export function idempotencyKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  var bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
}

/**
 * A form that creates something once (an incident, a death recorded): its button rests while the request runs, a
 * click meanwhile does nothing, and every try of the same record carries the same Idempotency-Key, so a slow network
 * and an impatient finger create it once. {@code opts}: {send(key) → the request, done(answer), failed(error),
 * busyText}. A refusal (4xx) makes the next try a new record; a lost answer is the same one, tried again.
 */
export function submitOnce(form, button, opts) {
  var key = null;
  var busy = false;
  var idle = button.textContent;
  function rest() {
    busy = false;
    button.disabled = false;
    button.textContent = idle;
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    if (opts.busyText) button.textContent = opts.busyText;
    key = key || idempotencyKey();
    opts.send(key).then(function (answer) {
      key = null;
      rest();
      opts.done(answer);
    }, function (e) {
      if (e.status && e.status < 500) key = null;
      rest();
      opts.failed(e);
    });
  });
}

/**
 * Saves an edit of {@code record} as the officer read it (If-Match: its ETag, else its version), so that it never
 * overwrites what somebody else saved meanwhile: the API refuses that with 412 (see {@link reread}).
 */
export function edit(method, path, body, record) {
  var tag = record && (record.etag || (record.version != null ? '"' + record.version + '"' : null));
  return api(method, path, body, tag ? { headers: { 'If-Match': tag } } : null);
}

/**
 * After an edit was refused because somebody else changed the record meanwhile (412, "已被他人修改"): the record as it
 * is now, to show again with that message. Any other failure is passed on.
 */
export function reread(e, path) {
  return e && e.status === 412 ? api('GET', path) : Promise.reject(e);
}

/** A route of the local stack (the SMS simulator's): no token. */
export function local(method, path, body) {
  return fetch(BASE + path, {
    method: method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined
  }).catch(networkFailure).then(function (r) {
    if (r.status >= 500) { reportLost(); throw new ApiError(r.status, null); }
    reportOk();
    return r.json().then(function (j) { if (!r.ok) throw new ApiError(r.status, j); return j; });
  });
}

/** Whether the page runs on the local stack (which answers /local/health), where the SMS simulator works. */
export function onTheLocalStack() {
  return fetch(BASE + '/local/health').then(function (r) { return r.ok; }).catch(function () { return false; });
}

/** A query string of the parameters that have a value: "?a=1&b=x", or "" for none. */
export function qs(params) {
  var parts = [];
  Object.keys(params).forEach(function (k) {
    if (params[k] != null && params[k] !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(params[k]));
  });
  return parts.length ? '?' + parts.join('&') : '';
}
