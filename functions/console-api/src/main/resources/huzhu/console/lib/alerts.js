/*
 * The console alerting the officer itself, as on-call tools do: when an incident opens or turns red (nobody
 * answered any level), a sound and a browser notification, and the number of incidents waiting in the tab's title.
 * Off until the officer turns it on in this browser (remembered there); the browser asks once for notifications.
 * While on, it watches every screen, not only the board.
 */
import { t, word } from './i18n.js';
import { $, clear, h } from './dom.js';
import { api } from './api.js';

var KEY = 'huzhu.alerts';
var seen = null;          // incident id → was it red, as last seen; null until the first look (no alarm for those)
var poller = null;
var audio = null;

export function alertsOn() { return localStorage.getItem(KEY) === 'on'; }

/** The switch in the header: turns the alerts on (asking the browser for notifications) or off. */
export function alertsButton() {
  var b = h('button', { type: 'button', id: 'alertsBtn', class: 'link', 'aria-pressed': alertsOn() ? 'true' : 'false' });
  function label() {
    clear(b).appendChild(document.createTextNode(t(alertsOn() ? 'alerts.on' : 'alerts.off')));
    b.setAttribute('aria-pressed', alertsOn() ? 'true' : 'false');
    b.title = t('alerts.help');
  }
  b.addEventListener('click', function () {
    if (alertsOn()) {
      localStorage.removeItem(KEY);
      stopWatching();
    } else {
      localStorage.setItem(KEY, 'on');
      unlockSound();
      if (window.Notification && Notification.permission === 'default') Notification.requestPermission();
      startWatching();
    }
    label();
  });
  label();
  return b;
}

/** Starts watching the active incidents (every 10 s, and whenever a screen shows them). */
export function startWatching() {
  if (!alertsOn() || poller) return;
  seen = null;
  poll();
  poller = setInterval(poll, 10000);
}

export function stopWatching() {
  if (poller) clearInterval(poller);
  poller = null;
  seen = null;
  document.title = t('app.title');
}

function poll() {
  api('GET', '/v1/incidents?status=active&limit=200').then(function (p) { watchIncidents(p.items); }).catch(function () {});
}

/** What a screen just read of the active incidents: new or newly red ones alarm; the title counts the waiting. */
export function watchIncidents(items) {
  if (!alertsOn()) return;
  var waiting = items.filter(function (i) { return i.status === 'open'; }).length;
  document.title = (waiting ? '(' + waiting + ') ' : '') + t('app.title');
  var now = {};
  var news = [];
  items.forEach(function (i) {
    var red = i.status === 'open' && !!i.needsAttention;
    now[i.id] = red;
    if (seen === null) return;
    if (!(i.id in seen)) news.push({ i: i, why: 'alerts.opened' });
    else if (red && !seen[i.id]) news.push({ i: i, why: 'alerts.red' });
  });
  seen = now;
  if (!news.length) return;
  beep(news.some(function (n) { return n.why === 'alerts.red'; }));
  news.forEach(function (n) { notify(n.i, n.why); });
}

function notify(i, why) {
  if (!window.Notification || Notification.permission !== 'granted') return;
  try {
    var note = new Notification(t(why, { code: i.code }), { body: word('type', i.type) + (i.message ? '：' + i.message : ''), tag: 'huzhu-' + i.id + '-' + why });
    note.onclick = function () { window.focus(); location.hash = '#/incident/' + encodeURIComponent(i.id); };
  } catch (e) {
    // some browsers allow notifications only from a service worker: the sound and the title still tell
  }
}

/** The browser lets a page play sound only after a person's tap: the switch's click opens the audio. */
function unlockSound() {
  var Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx || audio) return;
  try { audio = new Ctx(); } catch (e) { audio = null; }
}

/** Two short tones; three, higher, when an incident turned red. */
function beep(urgent) {
  unlockSound();
  if (!audio) return;
  var times = urgent ? 3 : 2;
  for (var k = 0; k < times; k++) {
    var osc = audio.createOscillator();
    var gain = audio.createGain();
    osc.frequency.value = urgent ? 1040 : 880;
    gain.gain.value = 0.2;
    osc.connect(gain);
    gain.connect(audio.destination);
    var at = audio.currentTime + k * 0.3;
    osc.start(at);
    osc.stop(at + 0.18);
  }
}

/** The header's switch says its state in the page's language again (after a language switch). */
export function relabelAlerts() {
  var b = $('alertsBtn');
  if (b) b.replaceWith(alertsButton());
}
