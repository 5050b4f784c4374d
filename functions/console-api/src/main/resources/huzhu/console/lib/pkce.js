/*
 * The sign-in through the Cognito hosted page, without the page: OAuth 2.0 authorization code flow with PKCE
 * (RFC 7636, S256). What goes out (verifier, challenge, the authorize address, the token endpoint's requests) and
 * what comes back (the return address, the token endpoint's answer), as functions of their inputs: no location,
 * storage or network here, so Node's test runner checks them (src/test/js/pkce.test.js).
 */

/** Bytes as base64url without padding (RFC 4648 §5), as PKCE and JWTs write them. */
export function base64url(bytes) {
  var s = '';
  for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBytes(count) {
  var bytes = new Uint8Array(count);
  crypto.getRandomValues(bytes);
  return bytes;
}

/** A code verifier: 32 random bytes, 43 characters of [A-Za-z0-9_-] (RFC 7636 §4.1 allows 43 to 128). */
export function newVerifier(random) { return base64url((random || randomBytes)(32)); }

/** The state that ties a return from the hosted page to this tab's request. */
export function newState(random) { return base64url((random || randomBytes)(16)); }

/** The S256 challenge: BASE64URL(SHA-256(ASCII(verifier))) (RFC 7636 §4.2). */
export function challengeOf(verifier) {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
    return base64url(new Uint8Array(digest));
  });
}

export function formBody(fields) { return new URLSearchParams(fields).toString(); }

/** Where the officer is sent to sign in: {domain}/oauth2/authorize with the code flow, openid and the challenge. */
export function authorizeUrl(domain, clientId, redirectUri, state, challenge) {
  return domain + '/oauth2/authorize?' + formBody({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state: state,
    code_challenge: challenge,
    code_challenge_method: 'S256'
  });
}

/**
 * The return from the hosted page in this page's query (?code=…&state=… or ?error=…), or null when the
 * address is not such a return.
 */
export function callbackFrom(search) {
  var params = new URLSearchParams(search);
  if (!params.has('code') && !params.has('state') && !params.has('error')) return null;
  return {
    code: params.get('code'), state: params.get('state'),
    error: params.get('error'), errorDescription: params.get('error_description')
  };
}

/**
 * What a return means, given what this tab sent ({@code pending}: its state, or null) and whether it is signed
 * in: {ignore: true} for a stray return to a signed-in tab that sent nobody; {failure: {key, detail}} (a text
 * key) for an error, a state other than the one sent, or no code; else {code} to exchange.
 */
export function judgeCallback(callback, pending, signedIn) {
  if (!pending && signedIn) return { ignore: true };
  if (callback.error) {
    return { failure: { key: 'signin.hostedError', detail: (callback.errorDescription || callback.error).slice(0, 200) } };
  }
  if (!pending || !callback.state || callback.state !== pending.state) return { failure: { key: 'signin.stateMismatch' } };
  if (!callback.code) return { failure: { key: 'signin.exchangeFailed', detail: 'code' } };
  return { code: callback.code };
}

/**
 * A POST of a form to the user pool domain (/oauth2/token, /oauth2/revoke): no secret (a page cannot keep
 * one), and a form is a CORS request without a preflight. Returns fetch's two arguments.
 */
export function formPost(domain, path, fields) {
  return [domain + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody(fields)
  }];
}

/** The code and this tab's verifier, for tokens. */
export function codeExchange(domain, clientId, code, redirectUri, verifier) {
  return formPost(domain, '/oauth2/token', {
    grant_type: 'authorization_code', client_id: clientId, code: code,
    redirect_uri: redirectUri, code_verifier: verifier
  });
}

export function refreshExchange(domain, clientId, refreshToken) {
  return formPost(domain, '/oauth2/token', { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken });
}

export function revocation(domain, clientId, refreshToken) {
  return formPost(domain, '/oauth2/revoke', { token: refreshToken, client_id: clientId });
}

/** Where Cognito ends its own session and sends the browser back to {@code logoutUri}. */
export function logoutUrl(domain, clientId, logoutUri) {
  return domain + '/logout?' + formBody({ client_id: clientId, logout_uri: logoutUri });
}

/** An error the sign-in service answered with (not a network failure): {@code status} says so. */
export function answered(status, message) {
  var e = new Error(message);
  e.status = status;
  return e;
}

/** The token endpoint's answer as JSON (whatever it sent), or the error it means. */
export function tokensFrom(status, ok, json) {
  var j = json || {};
  if (!ok) throw answered(status, j.error_description || j.error || String(status));
  if (!j.id_token) throw answered(status, 'id_token');
  return j;
}

/** Seconds since the epoch when a JWT says it expires, or null; for timing the refresh, never for trust. */
export function jwtExpiry(jwt) {
  try {
    var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    var exp = JSON.parse(atob(part + '==='.slice((part.length + 3) % 4))).exp;
    return typeof exp === 'number' ? exp : null;
  } catch (e) {
    return null;
  }
}

/**
 * The session the page keeps from the token endpoint's answer {@code j} at {@code now} (ms). The API is called
 * with the ID token: the authorizer's audience is the app client, which is the ID token's aud, and only the ID
 * token carries the officer's name and e-mail for the audit log. It is renewed a minute before it expires (by
 * expires_in or the token's own exp, whichever is sooner); a refresh answer without a refresh token keeps the
 * previous one.
 */
export function hostedSession(j, previous, now) {
  var expiresAt = now + (j.expires_in || 3600) * 1000;
  var exp = jwtExpiry(j.id_token);
  if (exp) expiresAt = Math.min(expiresAt, exp * 1000);
  return {
    mode: 'hosted',
    token: j.id_token,
    refreshToken: j.refresh_token || (previous && previous.refreshToken),
    expiresAt: expiresAt - 60000
  };
}
