/*
 * The union console: one page, no build step, no libraries. Screens are drawn with DOM calls, never
 * from HTML strings, so names and messages from the API cannot inject markup, and the page runs
 * under a Content-Security-Policy without inline code. Texts come from window.HUZHU_I18N (one
 * dictionary per language, zh-CN first).
 */
(function () {
  'use strict';

  var config = JSON.parse(document.querySelector('meta[name="huzhu-config"]').getAttribute('content') || '{}');
  var BASE = config.base || '';
  var DICTS = window.HUZHU_I18N || {};
  var LANGS = ['zh-CN', 'en'];
  var lang = LANGS.indexOf(localStorage.getItem('huzhu.lang')) >= 0 ? localStorage.getItem('huzhu.lang') : 'zh-CN';
  var auth = readAuth();
  var me = null;
  var isLocal = false;
  var members = {};
  var timers = [];
  var currentRoute = null;
  /** Screens other files add (care.js: notices, applications): routes, views, panels on a member's record. */
  var extensions = { routes: [], views: {}, memberPanels: [] };

  // ------------------------------------------------------------------ texts

  function t(key, vars) {
    var text = (DICTS[lang] && DICTS[lang][key]) || (DICTS['zh-CN'] && DICTS['zh-CN'][key]) || key;
    if (vars) {
      text = text.replace(/\{(\w+)\}/g, function (m, name) { return vars[name] == null ? '' : String(vars[name]); });
    }
    return text;
  }

  function word(group, value) {
    if (value == null || value === '') return '';
    var key = group + '.' + value;
    var text = t(key);
    return text === key ? String(value) : text;
  }

  function locale() { return lang === 'zh-CN' ? 'zh-CN' : 'en-GB'; }

  function when(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'medium' });
  }

  function duration(seconds) {
    if (seconds == null) return '—';
    seconds = Math.max(0, Math.round(seconds));
    if (seconds < 60) return t('time.seconds', { s: seconds });
    var m = Math.floor(seconds / 60);
    if (m < 60) return t('time.minutes', { m: m, s: seconds % 60 });
    var h = Math.floor(m / 60);
    if (h < 48) return t('time.hours', { h: h, m: m % 60 });
    return t('time.days', { d: Math.floor(h / 24), h: h % 24 });
  }

  function since(iso) { return duration((Date.now() - Date.parse(iso)) / 1000); }

  // ------------------------------------------------------------------ DOM helpers

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v == null || v === false) return;
        if (k.indexOf('on') === 0 && typeof v === 'function') el.addEventListener(k.substring(2), v);
        else if (k === 'text') el.textContent = v;
        else if (k === 'value') el.value = v;
        else if (k === 'checked') el.checked = !!v;
        else el.setAttribute(k, v === true ? '' : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }

  /** Appends each child (text, node, array of them; null and false skipped) to {@code el}. */
  function add(el) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child == null || child === false) continue;
      if (Array.isArray(child)) child.forEach(function (c) { add(el, c); });
      else el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return el;
  }

  function svgEl(tag, attrs) {
    var el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function $(id) { return document.getElementById(id); }

  var uid = 0;
  function nextId(prefix) { uid++; return (prefix || 'f') + uid; }

  /** A labelled input; {@code name} is the API's field path, used to show that field's error next to it. */
  function field(label, input, opts) {
    opts = opts || {};
    var id = input.id || nextId('in');
    input.id = id;
    if (opts.name) input.setAttribute('data-field', opts.name);
    var err = h('div', { class: 'field-error', id: id + '-err', 'aria-live': 'polite' });
    input.setAttribute('aria-describedby', id + '-err');
    return h('div', { class: 'field' + (opts.wide ? ' wide' : '') },
      h('label', { for: id }, label, opts.hint ? h('span', { class: 'hint' }, ' ' + opts.hint) : null),
      input, err);
  }

  function input(attrs) { return h('input', Object.assign({ type: 'text', autocomplete: 'off' }, attrs || {})); }

  function select(options, value, attrs) {
    var s = h('select', attrs || {});
    options.forEach(function (o) {
      s.appendChild(h('option', { value: o[0], selected: String(o[0]) === String(value == null ? '' : value) ? true : null }, o[1]));
    });
    return s;
  }

  function table(caption, headers, rows, emptyText) {
    var body = h('tbody');
    if (!rows.length) body.appendChild(h('tr', null, h('td', { colspan: headers.length, class: 'empty' }, emptyText || t('common.none'))));
    rows.forEach(function (r) {
      // each cell names its column, so a phone can show the row as a labelled card
      Array.prototype.forEach.call(r.children, function (td, i) { if (headers[i]) td.setAttribute('data-label', headers[i]); });
      body.appendChild(r);
    });
    return h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, headers.map(function (x) { return h('th', { scope: 'col' }, x); }))),
      body));
  }

  function badge(status) { return h('span', { class: 'badge ' + status }, word('status', status)); }

  // ------------------------------------------------------------------ messages

  var saidAt = 0;

  function say(text, isError) {
    saidAt = Date.now();
    var s = $('status');
    s.className = 'status' + (isError ? ' error' : '');
    s.textContent = text || '';
    if (text && !isError) setTimeout(function () { if (s.textContent === text) s.textContent = ''; }, 6000);
  }

  function failed(e) { say(e && e.message ? e.message : String(e), true); }

  /** Puts each field's message next to its input; the rest (and a summary) above the form. */
  function showErrors(form, e) {
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    form.querySelectorAll('.field-error').forEach(function (el) { el.textContent = ''; });
    var summary = form.querySelector('.form-errors');
    if (summary) clear(summary);
    if (!e) return;
    var fields = e.fields || {};
    var unplaced = [];
    Object.keys(fields).forEach(function (name) {
      var target = form.querySelector('[data-field="' + cssEscape(name) + '"]');
      if (target) {
        target.setAttribute('aria-invalid', 'true');
        var err = $(target.id + '-err');
        if (err) err.textContent = fields[name];
      } else {
        unplaced.push(name + ': ' + fields[name]);
      }
    });
    if (summary) {
      add(summary, h('p', null, e.message || t('common.failed')));
      if (unplaced.length) add(summary, h('ul', null, unplaced.map(function (u) { return h('li', null, u); })));
      summary.focus();
    } else {
      failed(e);
    }
  }

  function cssEscape(s) { return s.replace(/["\\\]\[]/g, '\\$&'); }

  // ------------------------------------------------------------------ sign-in and the API

  function readAuth() {
    try { return JSON.parse(sessionStorage.getItem('huzhu.auth')) || null; } catch (e) { return null; }
  }

  function saveAuth(a) {
    auth = a;
    if (a) sessionStorage.setItem('huzhu.auth', JSON.stringify(a)); else sessionStorage.removeItem('huzhu.auth');
  }

  function ApiError(status, body) {
    var err = (body && body.error) || {};
    this.status = status;
    this.code = err.code || String(status);
    this.message = err.message || t('common.failedStatus', { status: status });
    this.fields = err.fields || {};
  }

  function cognito(target, body) {
    return fetch(config.cognitoEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.' + target },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw answered(r.status, j.message || j.__type || String(r.status));
        return j;
      });
    });
  }

  /** An error the sign-in service answered with (not a network failure): {@code status} says so. */
  function answered(status, message) {
    var e = new Error(message);
    e.status = status;
    return e;
  }

  // ---- the Cognito hosted sign-in page: OAuth 2.0 authorization code flow with PKCE (RFC 7636, S256)

  var PKCE_KEY = 'huzhu.pkce';
  var signInError = null; // { key, detail }: said on the sign-in view, in the language it is shown in

  /** This page's address without query or fragment: the redirect_uri and logout_uri Cognito knows. */
  function pageUrl() { return location.origin + location.pathname; }

  function base64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString(byteCount) {
    var bytes = new Uint8Array(byteCount);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  function formBody(fields) { return new URLSearchParams(fields).toString(); }

  /** Off to the hosted page; the verifier and state wait in this tab's sessionStorage for the way back. */
  function hostedSignIn() {
    if (!window.crypto || !crypto.subtle || !window.TextEncoder) return Promise.reject(new Error(t('signin.insecure')));
    var verifier = randomString(32); // 43 characters of [A-Za-z0-9_-]
    var state = randomString(16);
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
      sessionStorage.setItem(PKCE_KEY, JSON.stringify({
        state: state, verifier: verifier, redirectUri: pageUrl(), hash: location.hash
      }));
      location.assign(config.cognitoDomain + '/oauth2/authorize?' + formBody({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: pageUrl(),
        scope: 'openid email profile',
        state: state,
        code_challenge: base64url(new Uint8Array(digest)),
        code_challenge_method: 'S256'
      }));
    });
  }

  /** POST {domain}/oauth2/token: a form, no secret (a page cannot keep one), CORS without a preflight. */
  function oauthToken(fields) {
    return fetch(config.cognitoDomain + '/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formBody(fields)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) throw answered(r.status, j.error_description || j.error || String(r.status));
        if (!j.id_token) throw answered(r.status, 'id_token');
        return j;
      });
    });
  }

  /** Seconds since the epoch when a JWT says it expires, or null; for timing the refresh, never for trust. */
  function jwtExpiry(jwt) {
    try {
      var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var exp = JSON.parse(atob(part + '==='.slice((part.length + 3) % 4))).exp;
      return typeof exp === 'number' ? exp : null;
    } catch (e) {
      return null;
    }
  }

  /**
   * The API is called with the ID token: the authorizer's audience is the app client, which is the ID
   * token's aud, and only the ID token carries the officer's name and e-mail for the audit log. It is
   * renewed a minute before it expires.
   */
  function hostedTokens(j, previous) {
    var expiresAt = Date.now() + (j.expires_in || 3600) * 1000;
    var exp = jwtExpiry(j.id_token);
    if (exp) expiresAt = Math.min(expiresAt, exp * 1000);
    return {
      mode: 'hosted',
      token: j.id_token,
      refreshToken: j.refresh_token || (previous && previous.refreshToken),
      expiresAt: expiresAt - 60000
    };
  }

  function failSignIn(key, detail) {
    saveAuth(null);
    me = null;
    signInError = { key: key, detail: detail };
    signInView();
  }

  /**
   * Back from the hosted page with ?code=…&state=… (or ?error=…): the state must be the one this tab sent,
   * then the code and this tab's verifier are exchanged for tokens. The code and state leave the address
   * bar (and the history) before the exchange: a code works once, and a reload must not send it again.
   */
  function finishHostedSignIn() {
    var params = new URLSearchParams(location.search);
    if (!params.has('code') && !params.has('state') && !params.has('error')) return false;
    var pending = null;
    try { pending = JSON.parse(sessionStorage.getItem(PKCE_KEY)); } catch (e) { pending = null; }
    sessionStorage.removeItem(PKCE_KEY);
    history.replaceState(null, '', location.pathname + ((pending && pending.hash) || ''));
    applyStaticTexts();
    var code = params.get('code');
    if (!pending && auth) {
      // nothing was sent from this tab and it is signed in: a stray link, not a reason to sign out
      start();
    } else if (params.get('error')) {
      failSignIn('signin.hostedError', (params.get('error_description') || params.get('error')).slice(0, 200));
    } else if (!pending || !params.get('state') || params.get('state') !== pending.state) {
      failSignIn('signin.stateMismatch');
    } else if (!code) {
      failSignIn('signin.exchangeFailed', 'code');
    } else {
      clear($('view'));
      add($('view'), h('div', { class: 'signin' }, h('div', { class: 'card' }, h('p', { id: 'signinProgress' }, t('signin.finishing')))));
      oauthToken({
        grant_type: 'authorization_code', client_id: config.clientId, code: code,
        redirect_uri: pending.redirectUri, code_verifier: pending.verifier
      }).then(function (j) {
        signInError = null;
        saveAuth(hostedTokens(j));
        start();
      }).catch(function (e) { failSignIn('signin.exchangeFailed', e.message); });
    }
    return true;
  }

  /** Ends the hosted session: the refresh token is revoked (best effort), then Cognito's /logout comes back here. */
  function hostedSignOut(was) {
    var revoked = was && was.refreshToken
      ? fetch(config.cognitoDomain + '/oauth2/revoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: formBody({ token: was.refreshToken, client_id: config.clientId })
      }).catch(function () {})
      : Promise.resolve();
    var patience = new Promise(function (resolve) { setTimeout(resolve, 3000); });
    Promise.race([revoked, patience]).then(function () {
      location.assign(config.cognitoDomain + '/logout?' + formBody({ client_id: config.clientId, logout_uri: pageUrl() }));
    });
  }

  function tokensFrom(result, previous) {
    return {
      mode: 'cognito',
      token: result.IdToken,
      refreshToken: result.RefreshToken || (previous && previous.refreshToken),
      expiresAt: Date.now() + (result.ExpiresIn || 3600) * 1000 - 60000
    };
  }

  var refreshing = null;

  /**
   * A Cognito ID token an hour old is renewed with the refresh token before the API is called; calls made
   * meanwhile wait for the same renewal. A refresh token the service refuses (expired, revoked) ends the
   * session; a network failure fails only this call.
   */
  function freshToken() {
    if (!auth) return Promise.reject(new ApiError(401, null));
    if (auth.mode === 'token' || Date.now() < auth.expiresAt || !auth.refreshToken) return Promise.resolve(auth.token);
    if (!refreshing) {
      var was = auth;
      var renewal = was.mode === 'hosted'
        ? oauthToken({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: was.refreshToken })
          .then(function (j) { return hostedTokens(j, was); })
        : cognito('InitiateAuth', {
          AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: config.clientId, AuthParameters: { REFRESH_TOKEN: was.refreshToken }
        }).then(function (j) { return tokensFrom(j.AuthenticationResult, was); });
      refreshing = renewal.then(function (a) {
        refreshing = null;
        if (auth !== was) throw new ApiError(401, null); // signed out meanwhile
        saveAuth(a);
        return a.token;
      }, function (e) {
        refreshing = null;
        if (e.status && auth === was) {
          stopTimers();
          failSignIn('signin.sessionExpired');
          throw new ApiError(401, null);
        }
        throw e;
      });
    }
    return refreshing;
  }

  function api(method, path, body, contentType) {
    return freshToken().then(function (token) {
      var headers = { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' };
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
          if (auth && auth.mode !== 'token') signInError = { key: 'signin.sessionExpired' };
          saveAuth(null);
          me = null;
          start();
          throw new ApiError(401, json);
        }
        if (!r.ok) throw new ApiError(r.status, json);
        return json;
      });
    });
  }

  function local(method, path, body) {
    return fetch(BASE + path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) throw new ApiError(r.status, j); return j; });
    });
  }

  function qs(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      if (params[k] != null && params[k] !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(params[k]));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function has(role) { return !!(me && me.roles && me.roles.indexOf(role) >= 0); }
  function isAdmin() { return has('admin'); }
  function canOperate() { return has('admin') || has('officer'); }

  function signOut() {
    var was = auth;
    stopTimers();
    saveAuth(null);
    me = null;
    signInError = null;
    if (config.signIn === 'hosted') {
      history.replaceState(null, '', location.pathname);
      clear($('view'));
      $('nav').hidden = true;
      $('signOutBtn').hidden = true;
      $('who').textContent = '';
      say(t('signin.signingOut'));
      hostedSignOut(was);
      return;
    }
    location.hash = '';
    start();
  }

  function signInView() {
    var view = clear($('view'));
    var form = h('form', { class: 'card', novalidate: true });
    var errors = h('div', { class: 'form-errors', tabindex: '-1', role: 'alert' });
    add(form, h('h1', { tabindex: '-1' }, t('signin.title')), errors);
    if (signInError) add(errors, h('p', { id: 'signinError' }, t(signInError.key, { detail: signInError.detail })));
    if (config.signIn === 'hosted') {
      var go = h('button', { type: 'submit', class: 'primary', id: 'hostedSignInBtn' }, t('signin.hosted'));
      add(form, h('p', { class: 'muted' }, t('signin.hostedHelp')), h('div', { class: 'actions' }, go));
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        signInError = null;
        clear(errors);
        go.disabled = true;
        hostedSignIn().catch(function (e) {
          go.disabled = false;
          add(errors, h('p', null, t('signin.failed') + ' ' + e.message));
          errors.focus();
        });
      });
    } else if (config.signIn === 'cognito') {
      var user = input({ type: 'email', autocomplete: 'username', required: true });
      var pass = input({ type: 'password', autocomplete: 'current-password', required: true });
      var extra = h('div');
      add(form, field(t('signin.email'), user), field(t('signin.password'), pass), extra,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('signin.submit'))));
      var challenge = null;
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        signInError = null;
        clear(errors);
        var step = challenge ? answer(challenge) : cognito('InitiateAuth', {
          AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.clientId,
          AuthParameters: { USERNAME: user.value.trim(), PASSWORD: pass.value }
        });
        step.then(function (j) {
          if (j.AuthenticationResult) {
            saveAuth(tokensFrom(j.AuthenticationResult));
            start();
            return;
          }
          challenge = { name: j.ChallengeName, session: j.Session };
          clear(extra);
          if (j.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
            challenge.input = input({ type: 'password', autocomplete: 'new-password', required: true });
            add(extra, h('p', null, t('signin.newPasswordNeeded')), field(t('signin.newPassword'), challenge.input, { hint: t('signin.passwordRule') }));
          } else if (j.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
            challenge.input = input({ inputmode: 'numeric', autocomplete: 'one-time-code', required: true });
            add(extra, field(t('signin.mfaCode'), challenge.input));
          } else {
            throw new Error(t('signin.unsupported', { name: j.ChallengeName }));
          }
          challenge.input.focus();
        }).catch(function (e) { add(errors, h('p', null, t('signin.failed') + ' ' + e.message)); errors.focus(); });
      });
      var answer = function (c) {
        var responses = { USERNAME: user.value.trim() };
        if (c.name === 'NEW_PASSWORD_REQUIRED') responses.NEW_PASSWORD = c.input.value;
        else responses.SOFTWARE_TOKEN_MFA_CODE = c.input.value.trim();
        return cognito('RespondToAuthChallenge', {
          ChallengeName: c.name, ClientId: config.clientId, Session: c.session, ChallengeResponses: responses
        });
      };
    } else {
      var token = input({ type: 'password', id: 'token', autocomplete: 'off', required: true });
      add(form, h('p', { class: 'muted' }, t('signin.tokenHelp')), field(t('signin.token'), token),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'signinBtn' }, t('signin.submit'))));
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        clear(errors);
        if (!token.value.trim()) {
          add(errors, h('p', null, t('signin.tokenMissing')));
          errors.focus();
          return;
        }
        saveAuth({ mode: 'token', token: token.value.trim() });
        api('GET', '/v1/me').then(function (who) { me = who; start(); }).catch(function () {
          saveAuth(null);
          signInView();
          var e = document.querySelector('.form-errors');
          add(e, h('p', null, t('signin.tokenRejected')));
          e.focus();
        });
      });
    }
    add(view, h('div', { class: 'signin' }, form, h('p', { class: 'muted small' }, t('common.call120'))));
    $('nav').hidden = true;
    $('signOutBtn').hidden = true;
    $('who').textContent = '';
    var first = signInError ? errors : form.querySelector('input, button');
    if (first) first.focus();
  }

  // ------------------------------------------------------------------ shell and routing

  var ROUTES = [
    { id: 'board', label: 'nav.board' },
    { id: 'incidents', label: 'nav.incidents' },
    { id: 'members', label: 'nav.members' },
    { id: 'volunteers', label: 'nav.volunteers' },
    { id: 'leaders', label: 'nav.leaders' },
    { id: 'policy', label: 'nav.policy' },
    { id: 'followups', label: 'nav.followups' },
    { id: 'reports', label: 'nav.reports' },
    { id: 'audit', label: 'nav.audit', admin: true },
    { id: 'sms', label: 'nav.sms', local: true }
  ];

  function applyStaticTexts() {
    document.documentElement.lang = lang;
    document.title = t('app.title');
    $('brandTitle').textContent = t('app.title');
    $('skipLink').textContent = t('app.skip');
    $('nav').setAttribute('aria-label', t('nav.label'));
    $('signOutBtn').textContent = t('app.signOut');
    var other = lang === 'zh-CN' ? 'en' : 'zh-CN';
    $('langBtn').textContent = t('app.switchTo');
    $('langBtn').setAttribute('lang', other);
  }

  function allRoutes() {
    var out = ROUTES.slice();
    extensions.routes.forEach(function (r) {
      var at = out.findIndex(function (x) { return x.id === r.before; });
      out.splice(at < 0 ? out.length : at, 0, r);
    });
    return out;
  }

  function drawNav(active) {
    var nav = clear($('nav'));
    allRoutes().forEach(function (r) {
      if (r.admin && !isAdmin()) return;
      if (r.local && !isLocal) return;
      nav.appendChild(h('a', { href: '#/' + r.id, id: 'nav-' + r.id, 'aria-current': r.id === active ? 'page' : null }, t(r.label)));
    });
    nav.hidden = false;
    $('signOutBtn').hidden = false;
    $('who').textContent = me ? t('app.signedInAs', { name: me.name, roles: (me.roles || []).map(function (r) { return word('role', r); }).join('、') }) : '';
  }

  function stopTimers() { timers.forEach(clearInterval); timers = []; }
  function every(ms, fn) { timers.push(setInterval(fn, ms)); }

  function route() {
    if (!auth || !me) return;
    stopTimers();
    var hash = location.hash.replace(/^#\/?/, '');
    var parts = hash.split('/');
    var name = parts[0] || 'board';
    var views = {
      board: boardView, incidents: incidentsView, incident: incidentView, members: membersView,
      volunteers: volunteersView, leaders: leadersView, policy: policyView, followups: followUpsView,
      reports: reportsView, audit: auditView, sms: smsView
    };
    var fn = views[name] || extensions.views[name] || boardView;
    if (name === 'audit' && !isAdmin()) fn = boardView;
    if (name === 'sms' && !isLocal) fn = boardView;
    currentRoute = name;
    // a message belongs to the screen it was said on, unless it announces the move to this one
    if (Date.now() - saidAt > 1500) say('');
    var parent = allRoutes().filter(function (r) { return r.children && r.children.indexOf(name) >= 0; })[0];
    drawNav(name === 'incident' ? 'board' : parent ? parent.id : name);
    var view = clear($('view'));
    fn(view, decodeURIComponent(parts[1] || ''));
    var heading = view.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }

  function start() {
    applyStaticTexts();
    if (!auth) { signInView(); return; }
    var whoAmI = me ? Promise.resolve(me) : api('GET', '/v1/me');
    Promise.all([whoAmI, fetch(BASE + '/local/health').then(function (r) { return r.ok; }).catch(function () { return false; })])
      .then(function (res) {
        me = res[0];
        isLocal = res[1];
        return loadMembers();
      })
      .then(route)
      .catch(function (e) { if (!(e instanceof ApiError && e.status === 401)) failed(e); });
  }

  /** Every member, for names on the board: one union is a few hundred people. */
  function loadMembers() {
    var all = {};
    function page(cursor) {
      return api('GET', '/v1/members' + qs({ limit: 200, cursor: cursor })).then(function (p) {
        p.items.forEach(function (m) { all[m.id] = m; });
        return p.nextCursor ? page(p.nextCursor) : all;
      });
    }
    return page(null).then(function (m) { members = m; return m; });
  }

  function memberName(id) { return members[id] ? members[id].name : t('common.unknownMember'); }

  // ------------------------------------------------------------------ live board

  function boardView(view) {
    var updated = h('span', { class: 'muted small', id: 'boardUpdated' });
    var holder = h('div', { id: 'board' });
    add(view, h('h1', null, t('board.title')),
      h('p', { class: 'muted small' }, t('board.help'), ' ', updated),
      holder);
    if (canOperate()) add(view, openIncidentForm());
    var items = [];
    function draw() {
      var rows = items.map(function (i) {
        var alerted = i.alerts.map(function (a) { return a.name; });
        var accepted = i.responders.map(function (r) { return r.name; });
        return h('tr', { class: i.needsAttention ? 'exhausted' : null, 'data-code': i.code },
          h('td', null, h('a', { href: '#/incident/' + encodeURIComponent(i.id), class: 'code' }, i.code)),
          h('td', null, memberName(i.memberId)),
          h('td', null, word('type', i.type)),
          h('td', null, badge(i.status), i.needsAttention ? h('div', null, '⚠ ' + t('board.exhausted')) : null),
          h('td', null, t('board.levelN', { n: i.level })),
          h('td', { class: 'elapsed', 'data-since': i.createdAt }, since(i.createdAt)),
          h('td', null, alerted.length ? t('board.alertedN', { n: alerted.length }) + '：' + alerted.join('、') : '—'),
          h('td', { class: 'accepted' }, accepted.length ? accepted.join('、') : '—'));
      });
      clear(holder).appendChild(table(t('board.caption', { n: items.length }),
        [t('col.code'), t('col.member'), t('col.type'), t('col.status'), t('col.level'), t('col.elapsed'), t('col.alerted'), t('col.accepted')],
        rows, t('board.empty')));
    }
    function refresh() {
      return api('GET', '/v1/incidents?status=active&limit=200').then(function (p) {
        items = p.items.sort(function (a, b) {
          return (b.needsAttention - a.needsAttention) || (b.level - a.level) || (Date.parse(b.createdAt) - Date.parse(a.createdAt));
        });
        var unknown = items.some(function (i) { return !members[i.memberId]; });
        return (unknown ? loadMembers() : Promise.resolve()).then(function () {
          draw();
          updated.textContent = t('board.updated', { time: new Date().toLocaleTimeString(locale()) });
        });
      }).catch(failed);
    }
    refresh();
    every(5000, refresh);
    every(1000, function () {
      document.querySelectorAll('td.elapsed').forEach(function (td) { td.textContent = since(td.getAttribute('data-since')); });
    });
  }

  function memberOptions(selected) {
    var list = Object.keys(members).map(function (id) { return members[id]; })
      .sort(function (a, b) { return a.name.localeCompare(b.name, 'zh-CN'); });
    return select([['', t('common.choose')]].concat(list.map(function (m) { return [m.id, m.name + '（' + (m.homeArea ? m.homeArea.city + ' ' + (m.homeArea.district || '') : '') + '）']; })), selected, {});
  }

  function typeOptions(value) {
    return select(['medical', 'accident', 'fire', 'bereavement', 'other'].map(function (x) { return [x, word('type', x)]; }), value || 'medical', {});
  }

  function openIncidentForm() {
    var form = h('form', { novalidate: true });
    var member = memberOptions();
    var type = typeOptions();
    var message = h('textarea', { maxlength: 500 });
    var address = input();
    add(form, h('div', { class: 'form-errors', tabindex: '-1' }),
      h('div', { class: 'grid' },
        field(t('open.member'), member, { name: 'memberId' }),
        field(t('open.type'), type, { name: 'type' }),
        field(t('open.address'), address, { name: 'location.address', hint: t('common.optional') }),
        field(t('open.message'), message, { name: 'message', wide: true })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('open.submit'))));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { memberId: member.value, type: type.value, message: message.value };
      if (address.value.trim()) body.location = { address: address.value.trim() };
      api('POST', '/v1/incidents', body).then(function (i) {
        say(t('open.done', { code: i.code }));
        location.hash = '#/incident/' + encodeURIComponent(i.id);
      }).catch(function (e) { showErrors(form, e); });
    });
    return h('details', { class: 'card' }, h('summary', null, t('open.title')), h('p', { class: 'muted small' }, t('open.help')), form);
  }

  // ------------------------------------------------------------------ incident history

  function incidentsView(view) {
    var status = select(['all', 'active', 'open', 'acknowledged', 'resolved', 'cancelled'].map(function (s) { return [s, word('filter', s)]; }), 'all');
    var from = input({ type: 'date' });
    var to = input({ type: 'date' });
    var holder = h('div');
    var more = h('button', { type: 'button', hidden: true }, t('common.more'));
    var cursor = null;
    var rows = [];
    var form = h('form', { class: 'toolbar', role: 'search' },
      field(t('filter.status'), status), field(t('filter.from'), from), field(t('filter.to'), to),
      h('button', { type: 'submit' }, t('common.filter')));
    add(view, h('h1', null, t('incidents.title')), form, holder, h('div', { class: 'actions' }, more));
    function load(reset) {
      if (reset) { cursor = null; rows = []; }
      var q = { status: status.value, limit: 50, cursor: cursor };
      if (from.value) q.from = new Date(from.value + 'T00:00:00').toISOString();
      if (to.value) q.to = new Date(to.value + 'T00:00:00').toISOString();
      api('GET', '/v1/incidents' + qs(q)).then(function (p) {
        p.items.forEach(function (i) {
          rows.push(h('tr', null,
            h('td', null, h('a', { href: '#/incident/' + encodeURIComponent(i.id), class: 'code' }, i.code)),
            h('td', null, when(i.createdAt)), h('td', null, memberName(i.memberId)), h('td', null, word('type', i.type)),
            h('td', null, badge(i.status)), h('td', null, i.acknowledgedAt ? duration((Date.parse(i.acknowledgedAt) - Date.parse(i.createdAt)) / 1000) : '—'),
            h('td', null, i.outcome || '')));
        });
        cursor = p.nextCursor;
        more.hidden = !cursor;
        clear(holder).appendChild(table(null, [t('col.code'), t('col.created'), t('col.member'), t('col.type'), t('col.status'), t('col.tta'), t('col.outcome')], rows));
      }).catch(function (e) { showErrors(form, e); });
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); load(true); });
    more.addEventListener('click', function () { load(false); });
    load(true);
  }

  // ------------------------------------------------------------------ incident detail

  function incidentView(view, id) {
    var facts = h('div', { id: 'incidentFacts' });
    var alerts = h('div');
    var responders = h('div');
    var timeline = h('div');
    var followups = h('div');
    var actions = h('div', { id: 'incidentActions' });
    var title = h('h1', null, t('incident.title', { code: '…' }));
    add(view, title, facts, actions,
      h('h2', null, t('incident.responders')), responders,
      h('h2', null, t('incident.alerts')), alerts,
      h('h2', null, t('incident.timeline')), timeline,
      h('h2', null, t('incident.followups')), followups);
    var drawnActive = null;

    function draw(i) {
      clear(title);
      add(title, t('incident.title', { code: i.code }), ' ', badge(i.status));
      var reporter = i.reporter || {};
      var place = i.location ? [i.location.address, i.location.lat != null ? i.location.lat + ', ' + i.location.lon : null].filter(Boolean).join(' · ') : '';
      var member = members[i.memberId];
      clear(facts).appendChild(h('div', { class: 'card' + (i.needsAttention ? ' exhausted' : '') },
        i.needsAttention ? h('p', { class: 'badge alert' }, '⚠ ' + t('board.exhausted')) : null,
        h('dl', { class: 'facts' },
          h('dt', null, t('incident.member')), h('dd', null, member ? member.name + (member.homeArea ? '（' + member.homeArea.city + ' ' + (member.homeArea.district || '') + '）' : '') : t('common.unknownMember')),
          member && member.homeAddress ? [h('dt', null, t('incident.homeAddress')), h('dd', null, member.homeAddress)] : null,
          h('dt', null, t('incident.type')), h('dd', null, word('type', i.type)),
          h('dt', null, t('incident.message')), h('dd', null, i.message || '—'),
          place ? [h('dt', null, t('incident.location')), h('dd', null, place)] : null,
          h('dt', null, t('incident.reporter')), h('dd', null, [reporter.name, reporter.phone, word('channel', reporter.channel),
            reporter.verified ? t('incident.verified') : t('incident.unverified')].filter(Boolean).join(' · ')),
          h('dt', null, t('incident.created')), h('dd', null, when(i.createdAt) + '（' + t('incident.ago', { d: since(i.createdAt) }) + '）'),
          h('dt', null, t('incident.level')), h('dd', null, t('board.levelN', { n: i.level }) + (i.nextEscalationAt && (i.status === 'open') ? ' · ' + t('incident.nextEscalation', { time: when(i.nextEscalationAt) }) : '')),
          i.acknowledgedAt ? [h('dt', null, t('incident.acknowledgedAt')), h('dd', null, when(i.acknowledgedAt))] : null,
          i.resolvedAt ? [h('dt', null, t('incident.resolvedAt')), h('dd', null, when(i.resolvedAt))] : null,
          i.outcome ? [h('dt', null, t('incident.outcome')), h('dd', null, i.outcome)] : null)));
      clear(responders).appendChild(table(null, [t('col.name'), t('col.phone'), t('col.acceptedAt'), t('col.arrivedAt')],
        i.responders.map(function (r) {
          return h('tr', null, h('td', null, r.name), h('td', null, h('a', { href: 'tel:' + r.phone }, r.phone)),
            h('td', null, when(r.acceptedAt)), h('td', null, r.arrivedAt ? when(r.arrivedAt) : '—'));
        }), t('incident.noResponders')));
      clear(alerts).appendChild(table(null, [t('col.name'), t('col.kind'), t('col.phone'), t('col.level'), t('col.sentAt'), t('col.delivery')],
        i.alerts.map(function (a) {
          return h('tr', null, h('td', null, a.name), h('td', null, word('recipient', a.recipientKind)), h('td', null, a.to),
            h('td', null, String(a.level)), h('td', null, a.sentAt ? when(a.sentAt) : t('incident.notSent')),
            h('td', null, word('alert', a.status), a.failureReason ? ' — ' + a.failureReason : ''));
        })));
      clear(timeline).appendChild(h('ol', { class: 'timeline' }, i.timeline.slice().reverse().map(function (e) {
        return h('li', null, h('time', { datetime: e.at }, when(e.at)), e.text, e.actor ? h('span', { class: 'muted small' }, ' — ' + e.actor) : null);
      })));
      var active = i.status === 'open' || i.status === 'acknowledged';
      if (drawnActive !== active) {
        drawnActive = active;
        clear(actions);
        if (canOperate() && active) actions.appendChild(actionForms(i, load));
      }
    }

    function load() {
      return api('GET', '/v1/incidents/' + encodeURIComponent(id)).then(draw).catch(failed);
    }

    function loadFollowUps() {
      return api('GET', '/v1/incidents/' + encodeURIComponent(id) + '/followups').then(function (p) {
        clear(followups).appendChild(followUpTable(p.items, false, loadFollowUps));
        if (canOperate()) followups.appendChild(followUpForm(id, loadFollowUps));
      }).catch(failed);
    }

    load();
    loadFollowUps();
    every(5000, function () { if (drawnActive !== false) load(); });
  }

  function actionForms(i, reload) {
    var box = h('div', { class: 'card' });
    var path = '/v1/incidents/' + encodeURIComponent(i.id) + '/';
    function act(action, body, form) {
      return api('POST', path + action, body || {}).then(function () {
        say(t('action.done.' + action, { code: i.code }));
        if (form) form.reset();
        return reload();
      }).catch(function (e) { if (form) showErrors(form, e); else failed(e); });
    }
    var quick = h('div', { class: 'actions' },
      i.status === 'open' ? h('button', { type: 'button', class: 'primary', id: 'ackBtn', onclick: function () { act('acknowledge'); } }, t('action.acknowledge')) : null,
      h('button', { type: 'button', id: 'escalateBtn', onclick: function () { if (confirm(t('action.escalateConfirm'))) act('escalate'); } }, t('action.escalate')));

    var noteText = h('textarea', { maxlength: 2000, id: 'noteText' });
    var note = h('form', { novalidate: true }, h('div', { class: 'form-errors', tabindex: '-1' }),
      field(t('action.noteLabel'), noteText, { name: 'text', wide: true }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('action.note'))));
    note.addEventListener('submit', function (ev) { ev.preventDefault(); act('notes', { text: noteText.value }, note); });

    var outcome = input({ id: 'resolveOutcome', maxlength: 200 });
    var notes = h('textarea', { maxlength: 2000 });
    var resolve = h('form', { novalidate: true }, h('div', { class: 'form-errors', tabindex: '-1' }),
      h('div', { class: 'grid' }, field(t('action.outcome'), outcome, { name: 'outcome' }), field(t('action.notes'), notes, { name: 'notes', wide: true })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'resolveBtn' }, t('action.resolve'))));
    resolve.addEventListener('submit', function (ev) { ev.preventDefault(); act('resolve', { outcome: outcome.value, notes: notes.value }, resolve); });

    var reason = input({ maxlength: 200 });
    var cancel = h('form', { novalidate: true }, h('div', { class: 'form-errors', tabindex: '-1' }),
      h('p', { class: 'muted small' }, t('action.cancelHelp')),
      field(t('action.reason'), reason, { name: 'reason' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, t('action.cancel'))));
    cancel.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (confirm(t('action.cancelConfirm'))) act('cancel', { reason: reason.value }, cancel);
    });

    add(box, h('h2', null, t('incident.actions')), quick,
      h('details', null, h('summary', null, t('action.note')), note),
      h('details', { id: 'resolveDetails' }, h('summary', null, t('action.resolve')), resolve),
      h('details', null, h('summary', null, t('action.cancel')), cancel));
    return box;
  }

  // ------------------------------------------------------------------ follow-ups

  function followUpTable(items, withIncident, reload) {
    var headers = [t('col.due'), t('col.followupKind'), t('col.member'), t('col.visitors'), t('col.amount'), t('col.status'), t('col.done'), t('col.notes')];
    if (withIncident) headers.push(t('col.incident'));
    if (canOperate()) headers.push(t('col.actions'));
    return table(null, headers, items.map(function (f) {
      return h('tr', null, h('td', null, f.dueDate || '—'), h('td', null, word('followup', f.kind)), h('td', null, memberName(f.memberId)),
        h('td', null, (f.visitors || []).join('、')), h('td', null, f.amount != null ? '¥' + f.amount : ''),
        h('td', null, word('fstatus', f.status)), h('td', null, f.doneDate || ''), h('td', null, f.notes || ''),
        withIncident ? h('td', null, h('a', { href: '#/incident/' + encodeURIComponent(f.incidentId) }, t('followups.open'))) : null,
        canOperate() ? h('td', null, f.status === 'planned' ? h('button', {
          type: 'button', class: 'mark-done', 'aria-label': t('followups.markDone') + ' ' + memberName(f.memberId) + ' ' + (f.dueDate || ''),
          onclick: function () { markDone(f, reload); }
        }, t('followups.markDone')) : '') : null);
    }), t('followups.empty'));
  }

  /** A planned visit that has been made: done today, everything else as it was. */
  function markDone(f, reload) {
    var body = {
      kind: f.kind, dueDate: f.dueDate, doneDate: isoDate(new Date()), status: 'done',
      visitors: f.visitors, notes: f.notes, amount: f.amount
    };
    api('PUT', '/v1/followups/' + encodeURIComponent(f.id), body).then(function () {
      say(t('followups.markedDone'));
      return reload && reload();
    }).catch(failed);
  }

  function followUpForm(incidentId, reload) {
    var kind = select(['visit', 'assistance', 'bereavement'].map(function (k) { return [k, word('followup', k)]; }), 'visit', { id: 'fuKind' });
    var status = select([['planned', word('fstatus', 'planned')], ['done', word('fstatus', 'done')]], 'planned', { id: 'fuStatus' });
    var due = input({ type: 'date', id: 'fuDue' });
    var done = input({ type: 'date', id: 'fuDone' });
    var visitors = input({ id: 'fuVisitors' });
    var amount = input({ type: 'number', min: 0, step: '0.01', inputmode: 'decimal' });
    var notes = h('textarea', { maxlength: 2000, id: 'fuNotes' });
    var form = h('form', { class: 'card', novalidate: true, id: 'followUpForm' },
      h('h3', null, t('followups.add')), h('div', { class: 'form-errors', tabindex: '-1' }),
      h('div', { class: 'grid' },
        field(t('followups.kind'), kind, { name: 'kind' }), field(t('followups.status'), status, { name: 'status' }),
        field(t('followups.due'), due, { name: 'dueDate' }), field(t('followups.done'), done, { name: 'doneDate' }),
        field(t('followups.visitors'), visitors, { name: 'visitors', hint: t('followups.visitorsHint') }),
        field(t('followups.amount'), amount, { name: 'amount', hint: t('common.optional') }),
        field(t('followups.notes'), notes, { name: 'notes', wide: true })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'fuSave' }, t('common.save'))));
    done.addEventListener('change', function () { if (done.value) status.value = 'done'; });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = {
        kind: kind.value, status: status.value, dueDate: due.value || null, doneDate: done.value || null,
        visitors: visitors.value.split(/[,，、;；]/).map(function (v) { return v.trim(); }).filter(Boolean),
        notes: notes.value || null, amount: amount.value === '' ? null : Number(amount.value)
      };
      api('POST', '/v1/incidents/' + encodeURIComponent(incidentId) + '/followups', body).then(function () {
        say(t('followups.saved'));
        return reload();
      }).catch(function (e) { showErrors(form, e); });
    });
    return form;
  }

  function followUpsView(view) {
    var status = select([['', word('filter', 'all')], ['planned', word('fstatus', 'planned')], ['done', word('fstatus', 'done')]], '');
    var holder = h('div');
    var more = h('button', { type: 'button', hidden: true }, t('common.more'));
    var items = [];
    var cursor = null;
    add(view, h('h1', null, t('followups.title')), h('p', { class: 'muted small' }, t('followups.help')),
      h('div', { class: 'toolbar' }, field(t('filter.status'), status)), holder, h('div', { class: 'actions' }, more));
    function load(reset) {
      if (reset) { items = []; cursor = null; }
      api('GET', '/v1/followups' + qs({ status: status.value, limit: 50, cursor: cursor })).then(function (p) {
        items = items.concat(p.items);
        cursor = p.nextCursor;
        more.hidden = !cursor;
        clear(holder).appendChild(followUpTable(items, true, function () { load(true); }));
      }).catch(failed);
    }
    status.addEventListener('change', function () { load(true); });
    more.addEventListener('click', function () { load(false); });
    load(true);
  }

  // ------------------------------------------------------------------ directory

  function directoryView(view, kind) {
    var isMembers = kind === 'members';
    var isVolunteers = kind === 'volunteers';
    var query = input({ type: 'search', id: 'dirQuery', placeholder: t('dir.searchHint') });
    var duty = isVolunteers ? select([['', t('dir.dutyAny')], ['true', t('dir.onDuty')], ['false', t('dir.offDuty')]], '') : null;
    var holder = h('div', { id: 'dirList' });
    var panel = h('div', { id: 'dirPanel' });
    var more = h('button', { type: 'button', hidden: true }, t('common.more'));
    var items = [];
    var cursor = null;
    var search = h('form', { class: 'toolbar', role: 'search' },
      h('div', { class: 'grow' }, field(t('dir.search'), query)), duty ? field(t('dir.duty'), duty) : null,
      h('button', { type: 'submit' }, t('common.search')),
      isAdmin() ? h('button', { type: 'button', class: 'primary', id: 'dirAdd', onclick: function () { openForm(null); } }, t('dir.add.' + kind)) : null,
      isAdmin() && (isMembers || isVolunteers) ? h('button', { type: 'button', id: 'dirImport', onclick: function () { openImport(); } }, t('dir.import')) : null);
    add(view, h('h1', null, t('nav.' + kind)), search, panel, holder, h('div', { class: 'actions' }, more));

    function load(reset) {
      if (reset) { items = []; cursor = null; }
      var q = { query: query.value.trim(), limit: 50, cursor: cursor };
      if (duty && duty.value) q.onDuty = duty.value;
      api('GET', '/v1/' + kind + qs(q)).then(function (p) {
        items = items.concat(p.items);
        cursor = p.nextCursor;
        more.hidden = !cursor;
        draw();
      }).catch(function (e) { showErrors(search, e); });
    }

    function rowActions(e) {
      if (!isAdmin()) return isMembers ? h('td', null, h('button', { type: 'button', onclick: function () { openForm(e); } }, t('common.view'))) : h('td');
      return h('td', null, h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: function () { openForm(e); }, 'aria-label': t('common.edit') + ' ' + e.name }, t('common.edit')),
        isMembers ? h('button', { type: 'button', onclick: function () { issueCard(e); }, 'aria-label': t('card.issue') + ' ' + e.name }, t('card.issue')) : null,
        h('button', { type: 'button', class: 'danger', 'aria-label': t('common.delete') + ' ' + e.name, onclick: function () {
          if (!confirm(t('dir.deleteConfirm', { name: e.name }))) return;
          api('DELETE', '/v1/' + kind + '/' + encodeURIComponent(e.id)).then(function () {
            say(t('dir.deleted', { name: e.name }));
            if (isMembers) delete members[e.id];
            load(true);
          }).catch(failed);
        } }, t('common.delete'))));
    }

    function draw() {
      var headers;
      var rows;
      if (isMembers) {
        headers = [t('col.name'), t('col.phone'), t('col.unit'), t('col.home'), t('col.family'), t('col.actions')];
        rows = items.map(function (m) {
          return h('tr', null, h('td', null, m.name), h('td', null, m.phone), h('td', null, m.unit || ''),
            h('td', null, area(m.homeArea), m.homeAddress ? h('div', { class: 'muted small' }, m.homeAddress) : null),
            h('td', null, m.familyContacts.length ? h('ul', null, m.familyContacts.map(function (c) {
              return h('li', null, c.name + (c.relation ? '（' + c.relation + '）' : '') + ' ' + c.phone);
            })) : h('span', { class: 'badge open' }, t('dir.noFamily'))),
            rowActions(m));
        });
      } else if (isVolunteers) {
        headers = [t('col.name'), t('col.phone'), t('col.area'), t('col.skills'), t('col.onDuty'), t('col.maxActive'), t('col.actions')];
        rows = items.map(function (v) {
          var sw = isAdmin() ? h('label', { class: 'switch' }, h('input', {
            type: 'checkbox', role: 'switch', checked: v.onDuty, 'aria-label': t('dir.onDutyFor', { name: v.name }),
            onchange: function (ev) { toggleDuty(v, ev.target); }
          }), v.onDuty ? t('dir.onDuty') : t('dir.offDuty')) : (v.onDuty ? t('dir.onDuty') : t('dir.offDuty'));
          return h('tr', null, h('td', null, v.name), h('td', null, v.phone), h('td', null, area(v.area)),
            h('td', null, (v.skills || []).map(function (s) { return word('skill', s); }).join('、')),
            h('td', null, sw, v.optedOutAt ? h('div', { class: 'muted small' }, t('dir.optedOut', { time: when(v.optedOutAt) })) : null),
            h('td', null, String(v.maxActive)), rowActions(v));
        });
      } else {
        headers = [t('col.name'), t('col.phone'), t('col.title'), t('col.level'), t('col.email'), t('col.actions')];
        rows = items.map(function (l) {
          return h('tr', null, h('td', null, l.name), h('td', null, l.phone), h('td', null, l.title || ''),
            h('td', null, t('board.levelN', { n: l.level })), h('td', null, l.email || ''), rowActions(l));
        });
      }
      clear(holder).appendChild(table(t('dir.count', { n: items.length }), headers, rows));
    }

    function toggleDuty(v, box) {
      var body = volunteerInput(v);
      body.onDuty = box.checked;
      box.disabled = true;
      api('PUT', '/v1/volunteers/' + encodeURIComponent(v.id), body).then(function (saved) {
        Object.assign(v, saved);
        say(t(saved.onDuty ? 'dir.nowOnDuty' : 'dir.nowOffDuty', { name: v.name }));
        draw();
      }).catch(function (e) { box.checked = !box.checked; box.disabled = false; failed(e); });
    }

    function openForm(entry) {
      if (isMembers && entry) {
        // the whole record through GET /v1/members/{id}: opening it is what the audit log records as a view
        api('GET', '/v1/members/' + encodeURIComponent(entry.id)).then(function (m) { showForm(m); }).catch(failed);
      } else {
        showForm(entry);
      }
    }

    function showForm(entry) {
      var form = isMembers ? memberForm(entry) : isVolunteers ? volunteerForm(entry) : leaderForm(entry);
      var readOnly = !isAdmin();
      form.elements && Array.prototype.forEach.call(form.elements, function (el) { if (readOnly) el.disabled = true; });
      var cancel = h('button', { type: 'button', onclick: function () { clear(panel); search.querySelector('input').focus(); } }, t('common.close'));
      form.querySelector('.actions').appendChild(cancel);
      if (readOnly) cancel.disabled = false;
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var body = form.collect();
        var req = entry ? api('PUT', '/v1/' + kind + '/' + encodeURIComponent(entry.id), body) : api('POST', '/v1/' + kind, body);
        req.then(function (saved) {
          say(t(entry ? 'dir.saved' : 'dir.created', { name: saved.name }));
          if (isMembers) members[saved.id] = saved;
          clear(panel);
          load(true);
        }).catch(function (e) { showErrors(form, e); });
      });
      clear(panel).appendChild(form);
      if (isMembers && entry) extensions.memberPanels.forEach(function (p) { add(panel, p(entry)); });
      var first = form.querySelector('input, select, textarea');
      if (first) first.focus();
    }

    function openImport() {
      clear(panel).appendChild(importForm(kind, function () { loadMembers().then(function () { load(true); }); }));
      panel.querySelector('input').focus();
    }

    function issueCard(m) {
      if (!confirm(t('card.rotateConfirm', { name: m.name }))) return;
      api('POST', '/v1/members/' + encodeURIComponent(m.id) + '/trigger-link').then(function (link) {
        clear(panel).appendChild(cardPanel(m, link.url));
      }).catch(failed);
    }

    search.addEventListener('submit', function (ev) { ev.preventDefault(); load(true); });
    if (duty) duty.addEventListener('change', function () { load(true); });
    more.addEventListener('click', function () { load(false); });
    load(true);
  }

  function membersView(view) { directoryView(view, 'members'); }
  function volunteersView(view) { directoryView(view, 'volunteers'); }
  function leadersView(view) { directoryView(view, 'leaders'); }

  function area(a) { return a ? [a.city, a.district].filter(Boolean).join(' ') : ''; }

  function formShell(titleText, id) {
    var form = h('form', { class: 'card', novalidate: true, id: id });
    add(form, h('h2', null, titleText), h('div', { class: 'form-errors', tabindex: '-1', role: 'alert' }));
    return form;
  }

  function numberOrNull(v) { return v === '' || v == null ? null : Number(v); }

  function pointFields(loc) {
    var lat = input({ type: 'number', step: 'any', inputmode: 'decimal', value: loc ? loc.lat : '' });
    var lon = input({ type: 'number', step: 'any', inputmode: 'decimal', value: loc ? loc.lon : '' });
    return {
      fields: [field(t('form.lat'), lat, { name: 'location.lat', hint: t('common.optional') }), field(t('form.lon'), lon, { name: 'location.lon', hint: t('common.optional') })],
      value: function () { return lat.value === '' && lon.value === '' ? null : { lat: numberOrNull(lat.value), lon: numberOrNull(lon.value) }; }
    };
  }

  function langSelect(value) { return select([['zh-CN', '简体中文'], ['en', 'English']], value || 'zh-CN'); }

  function memberForm(m) {
    m = m || {};
    var form = formShell(m.id ? t('dir.edit', { name: m.name }) : t('dir.add.members'), 'memberForm');
    var name = input({ id: 'mName', value: m.name, maxlength: 50, required: true });
    var phone = input({ id: 'mPhone', type: 'tel', value: m.phone, required: true });
    var unit = input({ value: m.unit, maxlength: 100 });
    var city = input({ id: 'mCity', value: m.homeArea && m.homeArea.city, required: true });
    var district = input({ id: 'mDistrict', value: m.homeArea && m.homeArea.district });
    var address = input({ id: 'mAddress', value: m.homeAddress, maxlength: 200 });
    var language = langSelect(m.language);
    var point = pointFields(m.location);
    var family = h('div', { id: 'familyRows' });
    var familyBox = h('fieldset', null, h('legend', null, t('form.family')), h('p', { class: 'muted small' }, t('form.familyHelp')), family);
    var count = 0;
    function familyRow(c) {
      var i = count++;
      var cn = input({ value: c && c.name, maxlength: 50, 'data-family': 'name' });
      var cr = input({ value: c && c.relation, maxlength: 20, 'data-family': 'relation' });
      var cp = input({ type: 'tel', value: c && c.phone, 'data-family': 'phone' });
      var row = h('div', { class: 'family-row' },
        field(t('form.familyName'), cn, { name: 'familyContacts[' + i + '].name' }),
        field(t('form.familyRelation'), cr, { name: 'familyContacts[' + i + '].relation' }),
        field(t('form.familyPhone'), cp, { name: 'familyContacts[' + i + '].phone' }),
        h('button', { type: 'button', 'aria-label': t('form.familyRemove'), onclick: function () { row.remove(); } }, '✕'));
      family.appendChild(row);
      return cn;
    }
    (m.familyContacts || []).forEach(familyRow);
    add(familyBox, h('button', { type: 'button', id: 'addFamily', onclick: function () { familyRow().focus(); } }, t('form.familyAdd')));
    add(form, h('div', { class: 'grid' },
      field(t('form.name'), name, { name: 'name' }), field(t('form.phone'), phone, { name: 'phone' }),
      field(t('form.unit'), unit, { name: 'unit' }), field(t('form.city'), city, { name: 'homeArea.city' }),
      field(t('form.district'), district, { name: 'homeArea.district' }), field(t('form.language'), language, { name: 'language' }),
      field(t('form.address'), address, { name: 'homeAddress', wide: true }), point.fields),
      familyBox,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'memberSave' }, t('common.save'))));
    form.collect = function () {
      // rows are renumbered as sent (blank ones left out), so the server's familyContacts[i] errors land on the right row
      var contacts = [];
      family.querySelectorAll('.family-row').forEach(function (row) {
        var get = function (k) { return row.querySelector('[data-family="' + k + '"]').value.trim(); };
        var used = get('name') || get('relation') || get('phone');
        var index = contacts.length;
        row.querySelectorAll('[data-family]').forEach(function (el) {
          el.setAttribute('data-field', used ? 'familyContacts[' + index + '].' + el.getAttribute('data-family') : 'unused');
        });
        if (used) contacts.push({ name: get('name'), relation: get('relation') || null, phone: get('phone') });
      });
      return {
        name: name.value, phone: phone.value, unit: unit.value || null,
        homeArea: { city: city.value, district: district.value || null }, homeAddress: address.value || null,
        location: point.value(), familyContacts: contacts, language: language.value
      };
    };
    return form;
  }

  function volunteerInput(v) {
    return { name: v.name, phone: v.phone, area: v.area, location: v.location, skills: v.skills, onDuty: v.onDuty, maxActive: v.maxActive, language: v.language };
  }

  function volunteerForm(v) {
    v = v || { onDuty: true, maxActive: 1 };
    var form = formShell(v.id ? t('dir.edit', { name: v.name }) : t('dir.add.volunteers'), 'volunteerForm');
    var name = input({ id: 'vName', value: v.name, maxlength: 50 });
    var phone = input({ id: 'vPhone', type: 'tel', value: v.phone });
    var city = input({ id: 'vCity', value: v.area && v.area.city });
    var district = input({ id: 'vDistrict', value: v.area && v.area.district });
    var skills = input({ value: (v.skills || []).join('、') });
    var onDuty = h('input', { type: 'checkbox', checked: v.onDuty });
    var maxActive = input({ type: 'number', min: 1, max: 10, value: v.maxActive });
    var language = langSelect(v.language);
    var point = pointFields(v.location);
    add(form, h('div', { class: 'grid' },
      field(t('form.name'), name, { name: 'name' }), field(t('form.phone'), phone, { name: 'phone' }),
      field(t('form.city'), city, { name: 'area.city' }), field(t('form.district'), district, { name: 'area.district' }),
      field(t('form.skills'), skills, { name: 'skills', hint: t('form.skillsHint') }),
      field(t('form.maxActive'), maxActive, { name: 'maxActive' }), field(t('form.language'), language, { name: 'language' }),
      h('div', { class: 'field' }, h('label', { class: 'check' }, onDuty, t('dir.onDuty'))), point.fields),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('common.save'))));
    form.collect = function () {
      return {
        name: name.value, phone: phone.value, area: { city: city.value, district: district.value || null },
        location: point.value(), skills: skills.value.split(/[,，、;；\s]+/).filter(Boolean),
        onDuty: onDuty.checked, maxActive: numberOrNull(maxActive.value), language: language.value
      };
    };
    return form;
  }

  function leaderForm(l) {
    l = l || { level: 1 };
    var form = formShell(l.id ? t('dir.edit', { name: l.name }) : t('dir.add.leaders'), 'leaderForm');
    var name = input({ value: l.name, maxlength: 50 });
    var phone = input({ type: 'tel', value: l.phone });
    var title = input({ value: l.title, maxlength: 50 });
    var email = input({ type: 'email', value: l.email });
    var level = input({ type: 'number', min: 1, max: 10, value: l.level });
    var language = langSelect(l.language);
    add(form, h('div', { class: 'grid' },
      field(t('form.name'), name, { name: 'name' }), field(t('form.phone'), phone, { name: 'phone' }),
      field(t('form.title'), title, { name: 'title' }), field(t('form.level'), level, { name: 'level', hint: t('form.levelHint') }),
      field(t('form.email'), email, { name: 'email', hint: t('common.optional') }), field(t('form.language'), language, { name: 'language' })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('common.save'))));
    form.collect = function () {
      return { name: name.value, phone: phone.value, title: title.value || null, email: email.value || null, level: numberOrNull(level.value), language: language.value };
    };
    return form;
  }

  /** Reads a spreadsheet export: UTF-8 if it is, else GBK (what Excel saves as "CSV" on a Chinese Windows). */
  function readFileText(file) {
    return file.arrayBuffer().then(function (buf) {
      try { return new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch (e) { return new TextDecoder('gbk').decode(buf); }
    });
  }

  function importForm(kind, done) {
    var form = formShell(t('import.title.' + kind), 'importForm');
    var file = h('input', { type: 'file', accept: '.csv,.txt,text/csv', id: 'importFile' });
    var text = h('textarea', { id: 'importText', rows: 6, placeholder: t('import.example.' + kind) });
    var skip = h('input', { type: 'checkbox', id: 'importSkip' });
    var result = h('div', { id: 'importResult', 'aria-live': 'polite' });
    add(form, h('p', { class: 'muted small' }, t('import.help')),
      h('p', { class: 'small' }, t('import.columns.' + kind)),
      h('div', { class: 'grid' }, field(t('import.file'), file), field(t('import.paste'), text, { wide: true, name: 'csv' })),
      h('label', { class: 'check' }, skip, t('import.skipInvalid')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'importBtn' }, t('import.submit')),
        h('button', { type: 'button', onclick: function () { form.remove(); } }, t('common.close'))),
      result);
    file.addEventListener('change', function () {
      if (file.files[0]) readFileText(file.files[0]).then(function (s) { text.value = s; });
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clear(result);
      showErrors(form, null);
      api('POST', '/v1/' + kind + '/import' + (skip.checked ? '?skipInvalid=true' : ''), text.value, 'text/csv; charset=utf-8')
        .then(function (r) {
          add(result, h('p', { class: 'status' }, t('import.done', { imported: r.imported, rows: r.rows, skipped: r.skipped })));
          if (r.ignoredColumns && r.ignoredColumns.length) add(result, h('p', { class: 'muted small' }, t('import.ignored', { columns: r.ignoredColumns.join('、') })));
          if (r.problems.length) add(result, problemTable(r.problems.map(function (p) { return [p.row, p.fields]; })));
          done();
        })
        .catch(function (e) {
          var rows = {};
          Object.keys(e.fields || {}).forEach(function (k) {
            var m = /^rows\[(\d+)\]\.(.*)$/.exec(k);
            if (!m) return;
            (rows[m[1]] = rows[m[1]] || {})[m[2]] = e.fields[k];
          });
          var keys = Object.keys(rows);
          if (keys.length) {
            add(result, h('p', { class: 'form-errors' }, t('import.nothingImported')),
              problemTable(keys.map(function (k) { return [Number(k), rows[k]]; })));
          } else {
            showErrors(form, e);
          }
        });
    });
    return form;
  }

  function problemTable(problems) {
    var rows = [];
    problems.forEach(function (p) {
      Object.keys(p[1]).forEach(function (f) { rows.push(h('tr', null, h('td', null, String(p[0])), h('td', null, f), h('td', null, p[1][f]))); });
    });
    return table(t('import.problems'), [t('col.row'), t('col.field'), t('col.problem')], rows);
  }

  // ------------------------------------------------------------------ the printable emergency card

  function card(m, url) {
    var qr = window.HuzhuQr.svg(url, t('card.qrLabel', { name: m.name }));
    return h('div', { class: 'qr-card' },
      h('h2', null, t('card.heading')),
      h('p', null, t('card.for', { name: m.name })),
      qr,
      h('p', null, t('card.scan')),
      h('p', { class: 'call120' }, t('card.call120')),
      h('p', { class: 'url' }, url));
  }

  function cardPanel(m, url) {
    var box = h('div', { class: 'card', id: 'cardPanel' }, h('h2', null, t('card.title', { name: m.name })),
      h('p', { class: 'muted small' }, t('card.help')), card(m, url),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'printCard', onclick: function () {
          var area = clear($('printArea'));
          area.appendChild(card(m, url));
          window.print();
        } }, t('card.print')),
        h('button', { type: 'button', onclick: function () { box.remove(); } }, t('common.close'))));
    return box;
  }

  // ------------------------------------------------------------------ escalation policy

  function policyView(view) {
    var holder = h('div');
    add(view, h('h1', null, t('policy.title')), h('p', { class: 'muted small' }, t('policy.help')), holder);
    api('GET', '/v1/escalation-policy').then(function (p) { holder.appendChild(policyForm(p)); }).catch(failed);
  }

  function policyForm(policy) {
    var form = h('form', { class: 'card', novalidate: true, id: 'policyForm' }, h('div', { class: 'form-errors', tabindex: '-1', role: 'alert' }));
    var list = h('div');
    var levels = policy.levels.map(function (l) { return Object.assign({}, l); });
    var readOnly = !isAdmin();
    function draw() {
      clear(list);
      levels.forEach(function (l, i) {
        var notify = select([['nearby-volunteers', t('policy.nearby')], ['leaders', t('policy.leaders')]], l.notify, {});
        var timeout = input({ type: 'number', min: 1, max: 86400, value: l.timeoutSeconds });
        var max = input({ type: 'number', min: 1, max: 50, value: l.maxRecipients });
        var leaderLevel = input({ type: 'number', min: 1, max: 10, value: l.leaderLevel });
        var repeat = input({ type: 'number', min: 0, max: 20, value: l.repeat });
        function sync() {
          l.notify = notify.value;
          l.timeoutSeconds = numberOrNull(timeout.value);
          l.maxRecipients = l.notify === 'nearby-volunteers' ? numberOrNull(max.value) : null;
          l.leaderLevel = l.notify === 'leaders' ? numberOrNull(leaderLevel.value) : null;
          l.repeat = i === levels.length - 1 ? numberOrNull(repeat.value) : null;
        }
        [notify, timeout, max, leaderLevel, repeat].forEach(function (el) { el.disabled = readOnly; el.addEventListener('change', function () { sync(); if (el === notify) draw(); }); });
        var p = 'levels[' + i + '].';
        list.appendChild(h('fieldset', null, h('legend', null, t('policy.level', { n: i })),
          h('div', { class: 'grid' },
            field(t('policy.notify'), notify, { name: p + 'notify' }),
            field(t('policy.timeout'), timeout, { name: p + 'timeoutSeconds', hint: t('policy.timeoutHint') }),
            l.notify === 'leaders' ? field(t('policy.leaderLevel'), leaderLevel, { name: p + 'leaderLevel' }) : field(t('policy.maxRecipients'), max, { name: p + 'maxRecipients' }),
            i === levels.length - 1 ? field(t('policy.repeat'), repeat, { name: p + 'repeat', hint: t('policy.repeatHint') }) : null)));
      });
    }
    draw();
    add(form, list);
    if (!readOnly) {
      add(form, h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: function () {
          var last = levels[levels.length - 1];
          levels.push({ level: levels.length, notify: 'leaders', leaderLevel: last && last.leaderLevel ? last.leaderLevel + 1 : 1, timeoutSeconds: 600, repeat: last ? last.repeat : null });
          if (last) last.repeat = null;
          draw();
        } }, t('policy.addLevel')),
        h('button', { type: 'button', onclick: function () {
          if (levels.length <= 1) return;
          var removed = levels.pop();
          levels[levels.length - 1].repeat = removed.repeat;
          draw();
        } }, t('policy.removeLevel')),
        h('button', { type: 'submit', class: 'primary', id: 'policySave' }, t('common.save'))));
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { levels: levels.map(function (l, i) {
        var out = { level: i, notify: l.notify, timeoutSeconds: l.timeoutSeconds };
        if (l.notify === 'leaders') out.leaderLevel = l.leaderLevel; else out.maxRecipients = l.maxRecipients;
        if (i === levels.length - 1 && l.repeat != null) out.repeat = l.repeat;
        return out;
      }) };
      api('PUT', '/v1/escalation-policy', body).then(function () { showErrors(form, null); say(t('policy.saved')); }).catch(function (e) { showErrors(form, e); });
    });
    return form;
  }

  // ------------------------------------------------------------------ reports

  function reportsView(view) {
    var from = input({ type: 'date', id: 'repFrom' });
    var to = input({ type: 'date', id: 'repTo' });
    var now = new Date();
    var start = new Date(now.getFullYear() - 1, now.getMonth() + 1, 1);
    from.value = isoDate(start);
    to.value = isoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
    var summary = h('div', { id: 'summary' });
    var coverage = h('div', { id: 'coverage' });
    var form = h('form', { class: 'toolbar' }, field(t('filter.from'), from), field(t('filter.toExclusive'), to), h('button', { type: 'submit' }, t('common.filter')));
    add(view, h('h1', null, t('reports.title')), form, summary, h('h2', null, t('coverage.title')), coverage);
    function load() {
      var q = {};
      if (from.value) q.from = new Date(from.value + 'T00:00:00').toISOString();
      if (to.value) q.to = new Date(to.value + 'T00:00:00').toISOString();
      api('GET', '/v1/reports/summary' + qs(q)).then(function (s) { drawSummary(clear(summary), s); }).catch(function (e) { showErrors(form, e); });
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    load();
    api('GET', '/v1/reports/coverage').then(function (c) { drawCoverage(coverage, c); }).catch(failed);
  }

  function isoDate(d) {
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }

  function stat(label, value) { return h('div', { class: 'stat' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label)); }
  function pct(rate) { return rate == null ? '—' : Math.round(rate * 1000) / 10 + '%'; }

  function drawSummary(el, s) {
    add(el, h('div', { class: 'stats' },
      stat(t('reports.incidents'), String(s.incidents)),
      stat(t('reports.acknowledged'), String(s.acknowledged)),
      stat(t('reports.escalated'), String(s.escalated)),
      stat(t('reports.escalationRate'), pct(s.escalationRate)),
      stat(t('reports.resolved'), String(s.resolved)),
      stat(t('reports.cancelled'), String(s.cancelled)),
      stat(t('reports.mttaP50'), duration(s.mttaSeconds.p50)),
      stat(t('reports.mttaP90'), duration(s.mttaSeconds.p90))));
    add(el, h('h2', null, t('reports.perMonth')),
      h('div', { class: 'legend' }, h('span', null, h('span', { class: 'swatch bar' }), t('reports.incidents')), h('span', null, h('span', { class: 'swatch bar2' }), t('reports.escalated'))),
      barChart(s.months, function (m) { return [m.incidents, m.escalated]; }, function (v) { return String(v); }, t('reports.perMonthLabel')));
    add(el, h('h2', null, t('reports.mttaPerMonth')),
      barChart(s.months, function (m) { return [m.mttaSeconds.p50 == null ? 0 : m.mttaSeconds.p50]; }, duration, t('reports.mttaPerMonthLabel'), 'bar3'));
    var maxType = Math.max.apply(null, [1].concat(s.types.map(function (x) { return x.incidents; })));
    add(el, h('h2', null, t('reports.byType')), table(null, [t('col.type'), t('reports.incidents'), '', t('reports.escalationRate'), t('reports.mttaP50')],
      s.types.map(function (x) {
        return h('tr', null, h('td', null, word('type', x.key)), h('td', null, String(x.incidents)),
          h('td', null, h('meter', { min: 0, max: maxType, value: x.incidents, 'aria-label': word('type', x.key) })),
          h('td', null, pct(x.escalationRate)), h('td', null, duration(x.mttaSeconds.p50)));
      })));
  }

  /** Bars per month in SVG (attributes only: the page's CSP allows no inline styles). */
  function barChart(months, values, format, label, cls) {
    var W = 720;
    var H = 200;
    var pad = 28;
    var n = Math.max(1, months.length);
    var max = 0;
    months.forEach(function (m) { values(m).forEach(function (v) { max = Math.max(max, v); }); });
    max = max || 1;
    var slot = (W - pad * 2) / n;
    var svg = svgEl('svg', { class: 'chart', viewBox: '0 0 ' + W + ' ' + (H + 36), role: 'img', 'aria-label': label });
    svg.appendChild(svgEl('line', { x1: pad, y1: H, x2: W - pad, y2: H, class: 'axis' }));
    months.forEach(function (m, i) {
      var vs = values(m);
      var bw = Math.max(2, (slot - 6) / vs.length);
      vs.forEach(function (v, j) {
        var bh = Math.round(v / max * (H - 20));
        var x = pad + i * slot + 3 + j * bw;
        var r = svgEl('rect', { x: x, y: H - bh, width: bw - 1, height: bh, class: cls || (j === 0 ? 'bar' : 'bar2') });
        var tip = svgEl('title', {});
        tip.textContent = m.key + ': ' + format(v);
        r.appendChild(tip);
        svg.appendChild(r);
        if (v > 0 && j === 0) {
          var tv = svgEl('text', { x: x + bw / 2, y: H - bh - 4, 'text-anchor': 'middle' });
          tv.textContent = format(v);
          svg.appendChild(tv);
        }
      });
      var tx = svgEl('text', { x: pad + i * slot + slot / 2, y: H + 16, 'text-anchor': 'middle' });
      tx.textContent = m.key.substring(2);
      svg.appendChild(tx);
    });
    return svg;
  }

  function drawCoverage(el, c) {
    function gaps(list) {
      return list.map(function (g) {
        return h('tr', null, h('td', null, g.name), h('td', null, [g.city, g.district].filter(Boolean).join(' ')), h('td', null, g.optedOutAt ? when(g.optedOutAt) : ''));
      });
    }
    var cols = [t('col.name'), t('col.home'), ''];
    add(el, h('p', { class: 'muted small' }, t('coverage.help')),
      table(t('coverage.noFamily', { n: c.membersWithoutFamilyContact.length }), cols, gaps(c.membersWithoutFamilyContact), t('coverage.allGood')),
      h('br'),
      table(t('coverage.noVolunteer', { n: c.membersWithoutVolunteer.length }), cols, gaps(c.membersWithoutVolunteer), t('coverage.allGood')),
      h('br'),
      table(t('coverage.noVolunteerInCity', { n: c.membersWithoutVolunteerInCity.length }), cols, gaps(c.membersWithoutVolunteerInCity), t('coverage.allGood')),
      h('br'),
      table(t('coverage.optedOut', { n: c.volunteersOptedOut.length }), [t('col.name'), t('col.area'), t('col.optedOutAt')], gaps(c.volunteersOptedOut), t('coverage.noneOptedOut')));
  }

  // ------------------------------------------------------------------ audit log

  function auditView(view) {
    var from = input({ type: 'datetime-local', id: 'auditFrom' });
    var to = input({ type: 'datetime-local', id: 'auditTo' });
    var holder = h('div');
    var more = h('button', { type: 'button', hidden: true }, t('common.more'));
    var rows = [];
    var cursor = null;
    var form = h('form', { class: 'toolbar' }, h('div', { class: 'form-errors', tabindex: '-1' }), field(t('filter.from'), from), field(t('filter.toExclusive'), to), h('button', { type: 'submit' }, t('common.filter')));
    add(view, h('h1', null, t('audit.title')), h('p', { class: 'muted small' }, t('audit.help')), form, holder, h('div', { class: 'actions' }, more));
    function load(reset) {
      if (reset) { rows = []; cursor = null; }
      var q = { limit: 100, cursor: cursor };
      if (from.value) q.from = new Date(from.value).toISOString();
      if (to.value) q.to = new Date(to.value).toISOString();
      api('GET', '/v1/audit' + qs(q)).then(function (p) {
        p.items.forEach(function (e) {
          var target = word('target', e.targetKind) + (e.targetLabel ? ' ' + e.targetLabel : '');
          var link = e.targetKind === 'incident' && e.targetId ? h('a', { href: '#/incident/' + encodeURIComponent(e.targetId) }, target) : target;
          rows.push(h('tr', null, h('td', null, when(e.at)), h('td', null, e.actorName === 'system' ? t('audit.system') : e.actorName),
            h('td', null, word('did', e.action)), h('td', null, link),
            h('td', null, (e.fields || []).map(function (f) { return word('field', f); }).join('、'))));
        });
        cursor = p.nextCursor;
        more.hidden = !cursor;
        clear(holder).appendChild(table(null, [t('col.when'), t('col.who'), t('col.action'), t('col.target'), t('col.fields')], rows));
      }).catch(function (e) { showErrors(form, e); });
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); load(true); });
    more.addEventListener('click', function () { load(false); });
    load(true);
  }

  // ------------------------------------------------------------------ SMS simulator (local stack only)

  function smsView(view) {
    var from = input({ type: 'tel', id: 'smsFrom', list: 'knownPhones', value: sessionStorage.getItem('huzhu.sms.from') || '' });
    var body = h('textarea', { id: 'smsBody', rows: 2, maxlength: 1600 });
    var watch = input({ type: 'tel', id: 'smsWatch', list: 'knownPhones', value: sessionStorage.getItem('huzhu.sms.watch') || '' });
    var outbox = h('div', { class: 'sms-log', id: 'outbox', 'aria-live': 'polite' });
    var sent = h('ul', { id: 'smsSent', class: 'sent' });
    var phones = h('datalist', { id: 'knownPhones' });
    var form = h('form', { class: 'card', novalidate: true, id: 'smsForm' },
      h('h2', null, t('sms.send')), h('div', { class: 'form-errors', tabindex: '-1' }),
      field(t('sms.from'), from, { name: 'from', hint: t('sms.fromHint') }), field(t('sms.body'), body, { name: 'body' }),
      h('p', { class: 'muted small' }, t('sms.words')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'smsSend' }, t('sms.submit'))), sent);
    var watchForm = h('form', { class: 'toolbar', role: 'search' },
      h('div', { class: 'grow' }, field(t('sms.watch'), watch, { hint: t('sms.watchHint') })), h('button', { type: 'submit' }, t('sms.show')));
    add(view, h('h1', null, t('sms.title')), h('p', { class: 'muted small' }, t('sms.help')), phones,
      h('div', { class: 'two-col' }, form, h('section', { class: 'card', 'aria-labelledby': 'outboxTitle' },
        h('h2', { id: 'outboxTitle' }, t('sms.outbox')), watchForm, outbox)));
    knownPhones(phones);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      sessionStorage.setItem('huzhu.sms.from', from.value);
      local('POST', '/local/sms/inbound', { from: from.value, body: body.value }).then(function () {
        showErrors(form, null);
        sent.insertBefore(h('li', { class: 'bubble in' }, h('div', { class: 'meta' }, new Date().toLocaleTimeString(locale()) + ' · ' + from.value), body.value), sent.firstChild);
        say(t('sms.sent'));
        body.value = '';
        refresh();
      }).catch(function (e) { showErrors(form, e); });
    });
    function refresh() {
      var q = watch.value.trim() ? qs({ to: watch.value.trim() }) : '';
      return local('GET', '/local/sms/outbox' + q).then(function (r) {
        var items = r.items.slice().reverse();
        clear(outbox);
        if (!items.length) outbox.appendChild(h('p', { class: 'empty' }, t('sms.none')));
        items.forEach(function (m) {
          outbox.appendChild(h('div', { class: 'bubble' }, h('div', { class: 'meta' }, when(m.sentAt) + ' → ' + m.to), m.body));
        });
      }).catch(function (e) { showErrors(watchForm, e); });
    }
    watchForm.addEventListener('submit', function (ev) { ev.preventDefault(); sessionStorage.setItem('huzhu.sms.watch', watch.value); refresh(); });
    refresh();
    every(3000, refresh);
  }

  /** The directory's phones as suggestions: members, their family, volunteers, leaders. */
  function knownPhones(list) {
    function option(phone, label) { list.appendChild(h('option', { value: phone }, label)); }
    Object.keys(members).forEach(function (id) {
      var m = members[id];
      option(m.phone, m.name + ' · ' + t('sms.member'));
      (m.familyContacts || []).forEach(function (c) { option(c.phone, c.name + ' · ' + t('sms.familyOf', { name: m.name })); });
    });
    ['volunteers', 'leaders'].forEach(function (kind) {
      api('GET', '/v1/' + kind + '?limit=200').then(function (p) {
        p.items.forEach(function (x) { option(x.phone, x.name + ' · ' + t('sms.' + kind)); });
      }).catch(function () {});
    });
  }

  // ------------------------------------------------------------------ what other files of the page may use

  window.HUZHU_CONSOLE = {
    t: t, word: word, when: when, locale: locale, h: h, add: add, clear: clear, $: $, field: field, input: input,
    select: select, table: table, badge: badge, say: say, failed: failed, showErrors: showErrors, formShell: formShell,
    api: api, qs: qs, isAdmin: isAdmin, canOperate: canOperate, every: every, memberName: memberName,
    memberOptions: memberOptions, members: function () { return members; }, loadMembers: loadMembers, stat: stat,
    barChart: barChart, numberOrNull: numberOrNull,
    /** {routes: [{id, label, before, children}], views: {name: fn(view, arg)}, memberPanels: [fn(member) → node]} */
    extend: function (ext) {
      (ext.routes || []).forEach(function (r) { extensions.routes.push(r); });
      Object.keys(ext.views || {}).forEach(function (k) { extensions.views[k] = ext.views[k]; });
      (ext.memberPanels || []).forEach(function (p) { extensions.memberPanels.push(p); });
    }
  };

  // ------------------------------------------------------------------ wiring

  document.addEventListener('DOMContentLoaded', function () {
    $('langBtn').addEventListener('click', function () {
      lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
      localStorage.setItem('huzhu.lang', lang);
      applyStaticTexts();
      if (auth && me) route(); else signInView();
    });
    $('signOutBtn').addEventListener('click', signOut);
    window.addEventListener('hashchange', route);
    if (config.signIn === 'hosted' && finishHostedSignIn()) return;
    start();
  });
})();
