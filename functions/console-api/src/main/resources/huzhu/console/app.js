/*
 * The union console: one page, no build step, no libraries, native ES modules served from the jar (lib/: DOM,
 * texts, sign-in, the API; screens/: one module per screen; router.js: the menu). This is the shell: the sign-in
 * view or the screens, the return from the hosted sign-in page, the language switch, signing out.
 */
import { config } from './lib/config.js';
import { t, language, switchLanguage } from './lib/i18n.js';
import { $, clear } from './lib/dom.js';
import { say, failed } from './lib/messages.js';
import { ApiError, api, forgetAnswers, onTheLocalStack } from './lib/api.js';
import { endSession, hostedSignOut, onSessionEnded, returnFromHostedPage, saveSession, session, setSignInProblem } from './lib/auth.js';
import { setLocal, setSignedInAs, signedInAs } from './lib/user.js';
import { stopTimers } from './lib/timers.js';
import { loadMembers } from './lib/members.js';
import { menuButton, route } from './router.js';
import { onRetry as onRetryStart, redrawLive } from './lib/live.js';
import { alertsButton, relabelAlerts, startWatching, stopWatching } from './lib/alerts.js';
import { signInProgress, signInView } from './screens/signin.js';

function applyStaticTexts() {
  var lang = language();
  document.documentElement.lang = lang;
  document.title = t('app.title');
  $('brandTitle').textContent = t('app.title');
  $('skipLink').textContent = t('app.skip');
  $('nav').setAttribute('aria-label', t('nav.label'));
  $('signOutBtn').textContent = t('app.signOut');
  var other = lang === 'zh-CN' ? 'en' : 'zh-CN';
  $('langBtn').textContent = t('app.switchTo');
  $('langBtn').setAttribute('lang', other);
  if (!$('menuBtn')) $('nav').parentNode.insertBefore(menuButton(), $('nav'));
  if (!$('alertsBtn')) $('langBtn').parentNode.insertBefore(alertsButton(), $('langBtn'));
  else relabelAlerts();
  $('menuBtn').hidden = !session();
  $('alertsBtn').hidden = !session();
  redrawLive();
}

function showSignIn() { signInView(start); }

/** Signed in: who, whether this is the local stack, every member's name; then the screen. Else the sign-in view. */
function start() {
  applyStaticTexts();
  if (!session()) { showSignIn(); return; }
  var me = signedInAs();
  Promise.all([me ? Promise.resolve(me) : api('GET', '/v1/me'), onTheLocalStack()])
    .then(function (res) {
      setSignedInAs(res[0]);
      setLocal(res[1]);
      return loadMembers();
    })
    .then(function () {
      applyStaticTexts();
      startWatching();
      route();
    })
    .catch(function (e) {
      if (e instanceof ApiError && e.status === 401) return;
      failed(e);
      // the first look failed (offline?): the live banner's retry starts again
      retryFromTheStart();
    });
}

/** Until the first look succeeds, "retry" means starting again. */
function retryFromTheStart() { onRetryStart(start); }

function signOut() {
  var was = session();
  stopTimers();
  stopWatching();
  forgetAnswers();
  saveSession(null);
  setSignedInAs(null);
  setSignInProblem(null);
  if (config.signIn === 'hosted') {
    history.replaceState(null, '', location.pathname);
    clear($('view'));
    $('nav').hidden = true;
    $('menuBtn').hidden = true;
    $('alertsBtn').hidden = true;
    $('signOutBtn').hidden = true;
    $('who').textContent = '';
    say(t('signin.signingOut'));
    hostedSignOut(was);
    return;
  }
  location.hash = '';
  start();
}

/** Back from the hosted sign-in page? Then its code is traded for tokens (or why not is said); else false. */
function finishHostedSignIn() {
  var back = returnFromHostedPage();
  if (!back) return false;
  applyStaticTexts();
  if (back.ignore) {
    start();
  } else if (back.failure) {
    endSession(back.failure);
  } else {
    signInProgress();
    back.exchange().then(function () {
      setSignInProblem(null);
      start();
    }).catch(function (e) { endSession({ key: 'signin.exchangeFailed', detail: e.message }); });
  }
  return true;
}

// a session that ends under the page (a refused renewal, a 401, a failed return): the sign-in view says why
onSessionEnded(function () {
  stopTimers();
  stopWatching();
  forgetAnswers();
  setSignedInAs(null);
  applyStaticTexts();
  showSignIn();
});

$('langBtn').addEventListener('click', function () {
  switchLanguage();
  applyStaticTexts();
  if (session() && signedInAs()) route(); else showSignIn();
});
$('signOutBtn').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
if (!(config.signIn === 'hosted' && finishHostedSignIn())) start();
