/*
 * The sign-in view, one of three as the server configures the page: the Cognito hosted page (a button that
 * goes there), the user pool's password form (with its new-password and MFA challenges), or the local stack's
 * admin token. {@code signedIn} is called once the session is there.
 */
import { config } from '../lib/config.js';
import { t } from '../lib/i18n.js';
import { $, add, clear, field, h, input } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { cognito, hostedSignIn, passwordSession, saveSession, setSignInProblem, signInProblem } from '../lib/auth.js';
import { setSignedInAs } from '../lib/user.js';

export function signInView(signedIn) {
  var view = clear($('view'));
  var form = h('form', { class: 'card', novalidate: true });
  var errors = h('div', { class: 'form-errors', tabindex: '-1', role: 'alert' });
  var problem = signInProblem();
  add(form, h('h1', { tabindex: '-1' }, t('signin.title')), errors);
  if (problem) add(errors, h('p', { id: 'signinError' }, t(problem.key, { detail: problem.detail })));
  if (config.signIn === 'hosted') {
    var go = h('button', { type: 'submit', class: 'primary', id: 'hostedSignInBtn' }, t('signin.hosted'));
    add(form, h('p', { class: 'muted' }, t('signin.hostedHelp')), h('div', { class: 'actions' }, go));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      setSignInProblem(null);
      clear(errors);
      go.disabled = true;
      hostedSignIn().catch(function (e) {
        go.disabled = false;
        add(errors, h('p', null, t('signin.failed') + ' ' + e.message));
        errors.focus();
      });
    });
  } else if (config.signIn === 'cognito') {
    passwordForm(form, errors, signedIn);
  } else {
    tokenForm(form, errors, signedIn);
  }
  add(view, h('div', { class: 'signin' }, form, h('p', { class: 'muted small' }, t('common.call120'))));
  $('nav').hidden = true;
  $('signOutBtn').hidden = true;
  $('who').textContent = '';
  var first = problem ? errors : form.querySelector('input, button');
  if (first) first.focus();
}

/** Said while the code from the hosted page is traded for tokens. */
export function signInProgress() {
  clear($('view'));
  add($('view'), h('div', { class: 'signin' }, h('div', { class: 'card' }, h('p', { id: 'signinProgress' }, t('signin.finishing')))));
}

function passwordForm(form, errors, signedIn) {
  var user = input({ type: 'email', autocomplete: 'username', required: true });
  var pass = input({ type: 'password', autocomplete: 'current-password', required: true });
  var extra = h('div');
  add(form, field(t('signin.email'), user), field(t('signin.password'), pass), extra,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('signin.submit'))));
  var challenge = null;
  function answer(c) {
    var responses = { USERNAME: user.value.trim() };
    if (c.name === 'NEW_PASSWORD_REQUIRED') responses.NEW_PASSWORD = c.input.value;
    else responses.SOFTWARE_TOKEN_MFA_CODE = c.input.value.trim();
    return cognito('RespondToAuthChallenge', {
      ChallengeName: c.name, ClientId: config.clientId, Session: c.session, ChallengeResponses: responses
    });
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    setSignInProblem(null);
    clear(errors);
    var step = challenge ? answer(challenge) : cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.clientId,
      AuthParameters: { USERNAME: user.value.trim(), PASSWORD: pass.value }
    });
    step.then(function (j) {
      if (j.AuthenticationResult) {
        saveSession(passwordSession(j.AuthenticationResult));
        signedIn();
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
}

function tokenForm(form, errors, signedIn) {
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
    saveSession({ mode: 'token', token: token.value.trim() });
    api('GET', '/v1/me').then(function (who) { setSignedInAs(who); signedIn(); }).catch(function () {
      saveSession(null);
      signInView(signedIn);
      var e = document.querySelector('.form-errors');
      add(e, h('p', null, t('signin.tokenRejected')));
      e.focus();
    });
  });
}
