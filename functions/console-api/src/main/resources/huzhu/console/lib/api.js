/*
 * Calls of the /v1 API with the session's ID token (renewed first when due), and of the local stack's own
 * /local routes. An answer that is not a success becomes an ApiError with the contract's error body.
 */
import { BASE } from './config.js';
import { t } from './i18n.js';
import { endSession, renewed, saveSession, session } from './auth.js';

export function ApiError(status, body) {
  var err = (body && body.error) || {};
  this.status = status;
  this.code = err.code || String(status);
  this.message = err.message || t('common.failedStatus', { status: status });
  this.fields = err.fields || {};
}

var refreshing = null;

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

/**
 * A record read with an ETag (an editable one) carries it as {@code etag}, not enumerable: sending the record back
 * does not send it. {@code extra}: more request headers (If-Match).
 */
export function api(method, path, body, contentType, extra) {
  return freshToken().then(function (token) {
    var headers = Object.assign({ 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' }, extra || {});
    var payload;
    if (body != null) {
      headers['Content-Type'] = contentType || 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    return fetch(BASE + path, { method: method, headers: headers, body: payload });
  }).then(function (r) {
    if (r.status === 204) return {};
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
      return json;
    });
  });
}

/**
 * Saves an edit of {@code record} as the officer read it (If-Match: its ETag, else its version), so that it never
 * overwrites what somebody else saved meanwhile: the API refuses that with 412 (see {@link reread}).
 */
export function edit(method, path, body, record) {
  var tag = record && (record.etag || (record.version != null ? '"' + record.version + '"' : null));
  return api(method, path, body, null, tag ? { 'If-Match': tag } : null);
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
  }).then(function (r) {
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
