/*
 * Whether what the page shows is live. Every call of the API reports here: a network failure or a server that
 * cannot answer (5xx) makes the page "not live" — a banner in the reader's language says since when the figures
 * are old, with a retry; the screen greys out what it shows and stops its ticking timers — and the next answer
 * that gets through makes it live again and takes the banner away.
 */
import { t, locale } from './i18n.js';
import { $, clear, h } from './dom.js';

var live = true;
var lastGood = null;
var retry = null;
var listeners = [];

export function isLive() { return live; }

/** What "retry now" does on this screen (its refresh); the router resets it on every screen. */
export function onRetry(fn) { retry = fn; }

/** Told each time the page goes from live to not live and back ({@code true} when live again). */
export function onLiveChange(fn) { listeners.push(fn); }

export function reportOk() {
  lastGood = new Date();
  if (live) return;
  live = true;
  draw();
  listeners.forEach(function (fn) { fn(true); });
}

export function reportLost() {
  if (!live) return;
  live = false;
  draw();
  listeners.forEach(function (fn) { fn(false); });
}

/** Redraws the banner in the current language (after a language switch). */
export function redrawLive() { draw(); }

function draw() {
  var banner = $('liveBanner');
  document.body.classList.toggle('stale', !live);
  if (live) {
    if (banner) banner.remove();
    return;
  }
  if (!banner) {
    banner = h('div', { id: 'liveBanner', class: 'live-banner', role: 'alert' });
    var status = $('status');
    status.parentNode.insertBefore(banner, status);
  }
  var since = lastGood ? lastGood.toLocaleTimeString(locale()) : null;
  clear(banner).appendChild(h('div', { class: 'live-inner' },
    h('strong', null, t('live.lostTitle')), ' ',
    h('span', null, since ? t('live.lostSince', { time: since }) : t('live.lostNever')), ' ',
    h('button', { type: 'button', id: 'liveRetry', onclick: function () { if (retry) retry(); } }, t('live.retry'))));
}
