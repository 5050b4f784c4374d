// The console's hosted sign-in (OAuth 2.0 code flow with PKCE, RFC 7636) without a browser: what lib/pkce.js
// sends and how it reads what comes back. Run by `node --test` (ConsoleScriptsIT runs it in mvn verify).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as pkce from '../../main/resources/huzhu/console/lib/pkce.js';

const DOMAIN = 'https://union.auth.cn-north-1.amazoncognito.com';
const CLIENT = '5k2q7itexampleclient0hosted';
const PAGE = 'https://console.union.example/prod/console';

// RFC 7636, Appendix B: the 32 random octets, the code_verifier they make, and its S256 code_challenge
const RFC_OCTETS = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77,
  105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function jwt(payload) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return part({ alg: 'RS256', kid: 'k1' }) + '.' + part(payload) + '.c2lnbmF0dXJl';
}

function form(init) {
  return Object.fromEntries(new URLSearchParams(init.body));
}

// ------------------------------------------------------------------ verifier, state, challenge

test('the verifier is the base64url of 32 random octets, as in RFC 7636 Appendix B', () => {
  // when
  const verifier = pkce.newVerifier((count) => {
    assert.equal(count, 32);
    return Uint8Array.from(RFC_OCTETS);
  });

  // then
  assert.equal(verifier, RFC_VERIFIER);
});

test('the S256 challenge of the RFC 7636 Appendix B verifier is the one the RFC publishes', async () => {
  assert.equal(await pkce.challengeOf(RFC_VERIFIER), RFC_CHALLENGE);
});

test('a verifier from the random source is 43 characters of the unreserved alphabet, new each time', () => {
  // when
  const first = pkce.newVerifier();
  const second = pkce.newVerifier();

  // then
  assert.match(first, /^[A-Za-z0-9_-]{43}$/);
  assert.match(second, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(first, second);
});

test('a state is 16 random octets, 22 characters, new each time', () => {
  assert.match(pkce.newState(), /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(pkce.newState(), pkce.newState());
});

test('base64url leaves no padding and no + or /', () => {
  assert.equal(pkce.base64url(Uint8Array.from([251, 255, 191])), '-_-_');
  assert.equal(pkce.base64url(Uint8Array.from([1])), 'AQ');
});

// ------------------------------------------------------------------ off to the hosted page

test('the authorize address asks for a code with openid, the state and the S256 challenge, back to this page', () => {
  // when
  const url = new URL(pkce.authorizeUrl(DOMAIN, CLIENT, PAGE, 'state-1', RFC_CHALLENGE));

  // then
  assert.equal(url.origin + url.pathname, DOMAIN + '/oauth2/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    response_type: 'code',
    client_id: CLIENT,
    redirect_uri: PAGE,
    scope: 'openid email profile',
    state: 'state-1',
    code_challenge: RFC_CHALLENGE,
    code_challenge_method: 'S256'
  });
});

// ------------------------------------------------------------------ the way back

test('an address that is no return from the hosted page is read as none', () => {
  assert.equal(pkce.callbackFrom(''), null);
  assert.equal(pkce.callbackFrom('?lang=en'), null);
});

test('a return carries its code and state, or the error and its description', () => {
  assert.deepEqual(pkce.callbackFrom('?code=c-1&state=s-1'),
    { code: 'c-1', state: 's-1', error: null, errorDescription: null });
  assert.deepEqual(pkce.callbackFrom('?error=access_denied&error_description=User%20cancelled&state=s-1'),
    { code: null, state: 's-1', error: 'access_denied', errorDescription: 'User cancelled' });
});

test('the code of a return with the state this tab sent is exchanged', () => {
  assert.deepEqual(pkce.judgeCallback({ code: 'c-1', state: 's-1' }, { state: 's-1' }, false), { code: 'c-1' });
});

test('a return with another state than this tab sent is refused, and its code is not exchanged', () => {
  // when
  const verdicts = [
    pkce.judgeCallback({ code: 'c-1', state: 'forged' }, { state: 's-1' }, false),
    pkce.judgeCallback({ code: 'c-1', state: null }, { state: 's-1' }, false),
    pkce.judgeCallback({ code: 'c-1', state: 's-1' }, null, false)
  ];

  // then
  for (const verdict of verdicts) assert.deepEqual(verdict, { failure: { key: 'signin.stateMismatch' } });
});

test('a return to a signed-in tab that sent nobody to sign in is ignored', () => {
  assert.deepEqual(pkce.judgeCallback({ code: 'forged', state: 'forged' }, null, true), { ignore: true });
});

test('an error from the hosted page is said with its description, cut at 200 characters', () => {
  // when
  const described = pkce.judgeCallback({ error: 'access_denied', errorDescription: 'x'.repeat(300), state: 'other' },
    { state: 's-1' }, false);
  const bare = pkce.judgeCallback({ error: 'server_error' }, { state: 's-1' }, true);

  // then
  assert.deepEqual(described, { failure: { key: 'signin.hostedError', detail: 'x'.repeat(200) } });
  assert.deepEqual(bare, { failure: { key: 'signin.hostedError', detail: 'server_error' } });
});

test('a return with the right state but no code fails the exchange', () => {
  assert.deepEqual(pkce.judgeCallback({ code: null, state: 's-1' }, { state: 's-1' }, false),
    { failure: { key: 'signin.exchangeFailed', detail: 'code' } });
});

// ------------------------------------------------------------------ the token endpoint

test('the code is exchanged with the verifier in a form POST to the token endpoint, with no secret', () => {
  // when
  const [url, init] = pkce.codeExchange(DOMAIN, CLIENT, 'c-1', PAGE, RFC_VERIFIER);

  // then
  assert.equal(url, DOMAIN + '/oauth2/token');
  assert.equal(init.method, 'POST');
  assert.deepEqual(init.headers, { 'Content-Type': 'application/x-www-form-urlencoded' });
  assert.deepEqual(form(init), {
    grant_type: 'authorization_code', client_id: CLIENT, code: 'c-1', redirect_uri: PAGE, code_verifier: RFC_VERIFIER
  });
});

test('a refresh token is exchanged, revoked, and the session ended at Cognito, each as Cognito expects', () => {
  // when
  const [refreshUrl, refresh] = pkce.refreshExchange(DOMAIN, CLIENT, 'r-1');
  const [revokeUrl, revoke] = pkce.revocation(DOMAIN, CLIENT, 'r-1');
  const logout = new URL(pkce.logoutUrl(DOMAIN, CLIENT, PAGE));

  // then
  assert.equal(refreshUrl, DOMAIN + '/oauth2/token');
  assert.deepEqual(form(refresh), { grant_type: 'refresh_token', client_id: CLIENT, refresh_token: 'r-1' });
  assert.equal(revokeUrl, DOMAIN + '/oauth2/revoke');
  assert.deepEqual(form(revoke), { token: 'r-1', client_id: CLIENT });
  assert.equal(logout.origin + logout.pathname, DOMAIN + '/logout');
  assert.deepEqual(Object.fromEntries(logout.searchParams), { client_id: CLIENT, logout_uri: PAGE });
});

test('the token endpoint refusing says why, with its status; an answer without an ID token is refused too', () => {
  assert.throws(() => pkce.tokensFrom(400, false, { error: 'invalid_grant' }), { message: 'invalid_grant', status: 400 });
  assert.throws(() => pkce.tokensFrom(400, false, { error: 'invalid_request', error_description: 'bad verifier' }),
    { message: 'bad verifier', status: 400 });
  assert.throws(() => pkce.tokensFrom(502, false, {}), { message: '502', status: 502 });
  assert.throws(() => pkce.tokensFrom(200, true, { access_token: 'a' }), { message: 'id_token', status: 200 });
  assert.deepEqual(pkce.tokensFrom(200, true, { id_token: 'i' }), { id_token: 'i' });
});

// ------------------------------------------------------------------ the session kept

test('a JWT says when it expires; anything else says nothing', () => {
  // given a payload whose base64url has - and _ and no padding
  const token = jwt({ exp: 1767225600, name: '周干事??>>' });

  // then
  assert.equal(pkce.jwtExpiry(token), 1767225600);
  assert.equal(pkce.jwtExpiry(jwt({ sub: 'no-exp' })), null);
  assert.equal(pkce.jwtExpiry('not-a-jwt'), null);
  assert.equal(pkce.jwtExpiry(undefined), null);
});

test('the session calls the API with the ID token, renewed a minute before it or expires_in runs out', () => {
  // given
  const now = 1_700_000_000_000;
  const idToken = jwt({ exp: now / 1000 + 600 });

  // when
  const soonByToken = pkce.hostedSession({ id_token: idToken, access_token: 'a', refresh_token: 'r-1', expires_in: 3600 }, null, now);
  const soonByAnswer = pkce.hostedSession({ id_token: idToken, expires_in: 300 }, soonByToken, now);

  // then
  assert.deepEqual(soonByToken, { mode: 'hosted', token: idToken, refreshToken: 'r-1', expiresAt: now + 540_000 });
  assert.deepEqual(soonByAnswer, { mode: 'hosted', token: idToken, refreshToken: 'r-1', expiresAt: now + 240_000 });
});
