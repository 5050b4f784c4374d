/*
 * A district in surge (many families calling at once): the banner over every screen while one is on, and the
 * surge screen (#/surge) where officers coordinate it: each district's incidents counted by status, those still
 * waiting oldest first with who has an offer, its volunteers with their free places, and handing a waiting
 * incident to a free volunteer in one step (the incident's assign action).
 */
import { t, word, when, duration } from '../lib/i18n.js';
import { add, badge, clear, h, select, table } from '../lib/dom.js';
import { say, failed } from '../lib/messages.js';
import { api } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { every } from '../lib/timers.js';

function districtName(area) { return (area.city || '') + (area.district || ''); }

function waitingCount(s) { return s.waiting.length; }

/** Fills {@code holder} with one line per district in surge, kept current; empty (and hidden) when none is. */
export function surgeBanner(holder) {
  if (!holder) return;
  function draw(surges) {
    clear(holder);
    holder.hidden = !surges.length;
    if (!surges.length) return;
    add(holder, h('strong', null, '⚠ ' + t('surge.banner')), ' ',
      surges.map(function (s, n) {
        return [n ? '；' : '', t('surge.bannerArea', { area: districtName(s.area), waiting: waitingCount(s) })];
      }), ' ',
      h('a', { href: '#/surge', id: 'surgeBannerLink' }, t('surge.bannerLink')));
  }
  function refresh() {
    return api('GET', '/v1/surges').then(function (p) { draw(p.items); }).catch(function () { /* the screen says */ });
  }
  refresh();
  every(10000, refresh);
}

export function surgeView(view) {
  var holder = h('div', { id: 'surges' });
  var updated = h('span', { class: 'muted small' });
  add(view, h('h1', null, t('surge.title')), h('p', { class: 'muted small' }, t('surge.help'), ' ', updated), holder);
  function refresh() {
    return api('GET', '/v1/surges').then(function (p) {
      clear(holder);
      if (!p.items.length) add(holder, h('p', { class: 'card', id: 'noSurge' }, t('surge.none')));
      p.items.forEach(function (s) { holder.appendChild(areaCard(s, refresh)); });
      updated.textContent = t('surge.updated', { time: when(new Date().toISOString()) });
    }).catch(failed);
  }
  refresh();
  every(10000, refresh);
}

function areaCard(s, refresh) {
  var counts = ['open', 'acknowledged', 'resolved', 'cancelled'].map(function (st) {
    return h('span', { class: 'surge-count' }, badge(st), ' ', String(s.counts[st] || 0));
  });
  var free = s.volunteers.filter(function (v) { return v.free > 0; });
  var rows = s.waiting.map(function (w) {
    return h('tr', { class: w.exhausted ? 'exhausted' : null, 'data-code': w.code },
      h('td', null, h('a', { href: '#/incident/' + encodeURIComponent(w.id), class: 'code' }, w.code)),
      h('td', null, word('type', w.type)),
      h('td', null, duration(w.waitingSeconds)),
      h('td', null, t('surge.levelN', { n: w.level }), w.exhausted ? h('div', null, '⚠ ' + t('surge.exhausted')) : null),
      h('td', null, w.address || '—'),
      h('td', null, w.offeredTo.length ? w.offeredTo.join('、') : '—'),
      h('td', null, canOperate() ? assignControl(w, free, refresh) : '—'));
  });
  var helpers = s.volunteers.map(function (v) {
    return h('tr', { 'data-volunteer': v.id },
      h('td', null, v.name),
      h('td', null, districtName(v.area)),
      h('td', null, String(v.holding)),
      h('td', null, String(v.offers)),
      h('td', null, v.free + ' / ' + v.maxActive));
  });
  return h('section', { class: 'card surge-area', 'data-area': districtName(s.area) },
    h('h2', null, t('surge.areaTitle', { area: districtName(s.area) })),
    h('p', { class: 'muted small' }, t('surge.since', { time: when(s.startedAt) })),
    h('p', { class: 'surge-counts' }, counts),
    table(t('surge.waitingCaption', { n: s.waiting.length }),
      [t('col.code'), t('col.type'), t('surge.col.waited'), t('col.level'), t('surge.col.address'),
        t('surge.col.offeredTo'), t('surge.col.assign')], rows, t('surge.noneWaiting')),
    table(t('surge.volunteersCaption', { n: free.length }),
      [t('surge.col.volunteer'), t('surge.col.district'), t('surge.col.holding'), t('surge.col.offers'),
        t('surge.col.free')], helpers, t('surge.noVolunteers')));
}

/** Pick a free volunteer, one click: the incident is theirs (they get the address, the family hears who comes). */
function assignControl(w, free, refresh) {
  if (!free.length) return h('span', { class: 'muted small' }, t('surge.nobodyFree'));
  var who = select(free.map(function (v) { return [v.id, v.name + '（' + t('surge.freeN', { n: v.free }) + '）']; }),
    free[0].id, { 'aria-label': t('surge.assignTo', { code: w.code }), class: 'surge-assignee' });
  var button = h('button', { type: 'button', class: 'primary surge-assign' }, t('surge.assign'));
  button.addEventListener('click', function () {
    button.disabled = true;
    api('POST', '/v1/incidents/' + encodeURIComponent(w.id) + '/assign', { volunteerId: who.value })
      .then(function (i) {
        say(t('surge.assigned', { code: i.code, name: i.responders.length ? i.responders[0].name : '' }));
        return refresh();
      })
      .catch(function (e) { button.disabled = false; failed(e); });
  });
  return h('div', { class: 'surge-assign-control' }, who, ' ', button);
}
