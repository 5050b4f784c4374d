/*
 * Who the page calls the API as: the session it keeps in this tab (an ID token, how it renews, when), the three
 * ways to get one — the local stack's admin token, the user pool's password sign-in (Cognito's API), the Cognito
 * hosted sign-in page (code flow with PKCE, see pkce.js) — and the way out. No screens here: what the page
 * shows when a session ends is the shell's, through {@link onSessionEnded}.
 */
import { config } from './config.js';
import * as pkce from './pkce.js';
import { t } from './i18n.js';

var AUTH_KEY = 'huzhu.auth';
var PKCE_KEY = 'huzhu.pkce';

var auth = readSession();
var problem = null; // { key, detail }: said on the sign-in view, in the language it is shown in
var ended = function () {};

function readSession() {
  try { return JSON.parse(sessionStorage.getItem(AUTH_KEY)) || null; } catch (e) { return null; }
}

/** {mode: 'token'|'cognito'|'hosted', token, refreshToken, expiresAt}, or null when signed out. */
export function session() { return auth; }

export function saveSession(a) {
  auth = a;
  if (a) sessionStorage.setItem(AUTH_KEY, JSON.stringify(a)); else sessionStorage.removeItem(AUTH_KEY);
}

/** Why the last sign-in or session ended, for the sign-in view; null when there is nothing to say. */
export function signInProblem() { return problem; }
export function setSignInProblem(p) { problem = p; }

/** What the page does when a session ends under it (a refused renewal, a 401, a failed return): set once by the shell. */
export function onSessionEnded(fn) { ended = fn; }

/** Signs out of this tab, saying {@code why} ({key, detail} or null) on the sign-in view. */
export function endSession(why) {
  saveSession(null);
  problem = why;
  ended();
}

// ---- the user pool's API (password sign-in)

/** A call of Cognito's user pool API ({@code target}: InitiateAuth, RespondToAuthChallenge). */
export function cognito(target, body) {
  return fetch(config.cognitoEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.' + target },
    body: JSON.stringify(body)
  }).then(function (r) {
    return r.json().then(function (j) {
      if (!r.ok) throw pkce.answered(r.status, j.message || j.__type || String(r.status));
      return j;
    });
  });
}

/** The session from an AuthenticationResult: the ID token, renewed a minute before it expires. */
export function passwordSession(result, previous) {
  return {
    mode: 'cognito',
    token: result.IdToken,
    refreshToken: result.RefreshToken || (previous && previous.refreshToken),
    expiresAt: Date.now() + (result.ExpiresIn || 3600) * 1000 - 60000
  };
}

// ---- the Cognito hosted sign-in page

/** This page's address without query or fragment: the redirect_uri and logout_uri Cognito knows. */
function pageUrl() { return location.origin + location.pathname; }

function tokenEndpoint(request) {
  return fetch(request[0], request[1]).then(function (r) {
    return r.json().catch(function () { return {}; }).then(function (j) { return pkce.tokensFrom(r.status, r.ok, j); });
  });
}

/** Off to the hosted page; the verifier and state wait in this tab's sessionStorage for the way back. */
export function hostedSignIn() {
  if (!window.crypto || !crypto.subtle || !window.TextEncoder) return Promise.reject(new Error(t('signin.insecure')));
  var verifier = pkce.newVerifier();
  var state = pkce.newState();
  return pkce.challengeOf(verifier).then(function (challenge) {
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({
      state: state, verifier: verifier, redirectUri: pageUrl(), hash: location.hash
    }));
    location.assign(pkce.authorizeUrl(config.cognitoDomain, config.clientId, pageUrl(), state, challenge));
  });
}

/**
 * Back from the hosted page with ?code=…&state=… (or ?error=…)? Null if not. Else what this tab sent is taken
 * out of sessionStorage, and the code and state leave the address bar (and the history) before anything else:
 * a code works once, and a reload must not send it again. Returns {ignore}, {failure: {key, detail}} or
 * {exchange: () → Promise}, which trades the code and this tab's verifier for a session (see pkce.judgeCallback).
 */
export function returnFromHostedPage() {
  var callback = pkce.callbackFrom(location.search);
  if (!callback) return null;
  var pending = null;
  try { pending = JSON.parse(sessionStorage.getItem(PKCE_KEY)); } catch (e) { pending = null; }
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', location.pathname + ((pending && pending.hash) || ''));
  var verdict = pkce.judgeCallback(callback, pending, !!auth);
  if (!verdict.code) return verdict;
  return {
    exchange: function () {
      return tokenEndpoint(pkce.codeExchange(config.cognitoDomain, config.clientId, verdict.code, pending.redirectUri, pending.verifier))
        .then(function (j) { saveSession(pkce.hostedSession(j, null, Date.now())); });
    }
  };
}

/** A new session for one whose ID token is due: with its refresh token, where it was signed in. */
export function renewed(was) {
  return was.mode === 'hosted'
    ? tokenEndpoint(pkce.refreshExchange(config.cognitoDomain, config.clientId, was.refreshToken))
      .then(function (j) { return pkce.hostedSession(j, was, Date.now()); })
    : cognito('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: config.clientId, AuthParameters: { REFRESH_TOKEN: was.refreshToken }
    }).then(function (j) { return passwordSession(j.AuthenticationResult, was); });
}

/** Ends the hosted session: the refresh token is revoked (best effort), then Cognito's /logout comes back here. */
export function hostedSignOut(was) {
  var revoke = was && was.refreshToken ? pkce.revocation(config.cognitoDomain, config.clientId, was.refreshToken) : null;
  var revoked = revoke ? fetch(revoke[0], revoke[1]).catch(function () {}) : Promise.resolve();
  var patience = new Promise(function (resolve) { setTimeout(resolve, 3000); });
  Promise.race([revoked, patience]).then(function () {
    location.assign(pkce.logoutUrl(config.cognitoDomain, config.clientId, pageUrl()));
  });
}
