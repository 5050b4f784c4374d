/*
 * The live board: every active incident, the ones nobody took first, refreshed every five seconds (an unchanged
 * answer redraws nothing, and a redraw keeps the keyboard focus where it was); opening one on a caller's behalf.
 */
import { t, word, locale, since, incidentLevel } from '../lib/i18n.js';
import { add, badge, clear, field, h, input, select, table } from '../lib/dom.js';
import { say, failed, loadFailed, showErrors } from '../lib/messages.js';
import { api, submitOnce } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { every, ticking } from '../lib/timers.js';
import { onRetry } from '../lib/live.js';
import { knownMembers, loadMembers, memberName } from '../lib/members.js';
import { memberPicker } from '../lib/picker.js';
import { focusKey, refocus } from '../lib/table.js';
import { toast } from '../lib/dialog.js';
import { watchIncidents } from '../lib/alerts.js';

/** Nobody answered any level and nobody took it since: officers must act (never once someone has it). */
export function needsAttention(i) { return i.status === 'open' && i.needsAttention; }

/** Who has it: the neighbours who accepted, or the officer who took it at the console. */
export function takenBy(i) {
  var names = i.responders.map(function (r) { return r.name; });
  if (!names.length && i.officerInCharge) names.push(t('board.officer', { name: i.officerInCharge }));
  return names;
}

export function boardView(view) {
  var updated = h('span', { class: 'muted small', id: 'boardUpdated' });
  var holder = h('div', { id: 'board' }, h('p', { class: 'muted' }, t('common.loading')));
  add(view, h('h1', null, t('board.title')),
    h('p', { class: 'muted small' }, t('board.help'), ' ', updated),
    holder);
  if (canOperate()) add(view, openIncidentForm());
  var items = [];
  var last = null;
  var loaded = false;
  function draw() {
    var focused = document.activeElement && holder.contains(document.activeElement) ? focusKey(document.activeElement) : null;
    var rows = items.map(function (i) {
      var alerted = i.alerts.map(function (a) { return a.name; });
      var accepted = takenBy(i);
      var attention = needsAttention(i);
      return h('tr', { class: attention ? 'exhausted' : null, 'data-code': i.code, 'data-key': i.id },
        h('td', { 'data-col': 'code' }, h('a', { href: '#/incident/' + encodeURIComponent(i.id), class: 'code', 'data-focus': 'open' }, i.code)),
        h('td', { 'data-col': 'member' }, memberName(i.memberId)),
        h('td', { 'data-col': 'type' }, word('type', i.type)),
        h('td', { 'data-col': 'status' }, badge(i.status), attention ? h('div', { class: 'attention' }, '⚠ ' + t('board.exhausted')) : null),
        h('td', { 'data-col': 'level' }, incidentLevel(i)),
        h('td', { 'data-col': 'elapsed', class: 'elapsed', 'data-since': i.createdAt }, since(i.createdAt)),
        h('td', { 'data-col': 'alerted' }, alerted.length ? t('board.alertedN', { n: alerted.length }) + '：' + alerted.join('、') : '—'),
        h('td', { 'data-col': 'accepted', class: 'accepted' }, accepted.length ? accepted.join('、') : '—'));
    });
    clear(holder).appendChild(table(t('board.caption', { n: items.length }),
      [t('col.code'), t('col.member'), t('col.type'), t('col.status'), t('col.level'), t('col.elapsed'), t('col.alerted'), t('col.accepted')],
      rows, t('board.empty')));
    if (focused) refocus(holder, focused);
  }
  function refresh() {
    return api('GET', '/v1/incidents?status=active&limit=200').then(function (p) {
      updated.textContent = t('board.updated', { time: new Date().toLocaleTimeString(locale()) });
      watchIncidents(p.items);
      if (p === last && loaded) return null;
      last = p;
      items = p.items.slice().sort(function (a, b) {
        return (needsAttention(b) - needsAttention(a)) || (b.level - a.level) || (Date.parse(b.createdAt) - Date.parse(a.createdAt));
      });
      var members = knownMembers();
      var unknown = items.some(function (i) { return i.memberId && !members[i.memberId]; });
      return (unknown ? loadMembers() : Promise.resolve()).then(function () {
        loaded = true;
        draw();
      });
    }).catch(function (e) {
      // the live banner says the board is old; only a board never drawn needs its own message and retry
      if (!loaded) loadFailed(holder, e, refresh);
    });
  }
  onRetry(refresh);
  refresh();
  every(5000, refresh);
  ticking(1000, function () {
    document.querySelectorAll('td.elapsed').forEach(function (td) {
      var box = td.querySelector('.cell') || td;
      box.textContent = since(td.getAttribute('data-since'));
    });
  });
}

function typeOptions(value) {
  return select(['medical', 'accident', 'fire', 'bereavement', 'other'].map(function (x) { return [x, word('type', x)]; }), value || 'medical', { id: 'openType' });
}

/**
 * An officer opens an incident on someone's behalf (a phone call to the union office). The button rests while the
 * request runs, and every try of one incident carries the same Idempotency-Key: a slow network and an impatient
 * finger open it once.
 */
function openIncidentForm() {
  var form = h('form', { novalidate: true, id: 'openForm' });
  var picker = memberPicker({ id: 'openMember' });
  var type = typeOptions();
  var message = h('textarea', { maxlength: 500, id: 'openMessage' });
  var address = input({ id: 'openAddress' });
  var submit = h('button', { type: 'submit', class: 'primary', id: 'openSubmit' }, t('open.submit'));
  add(form, h('div', { class: 'form-errors', tabindex: '-1' }),
    h('div', { class: 'grid' },
      field(t('open.member'), picker.input, { name: 'memberId', control: picker.el }),
      field(t('open.type'), type, { name: 'type' }),
      field(t('open.address'), address, { name: 'location.address', hint: t('common.optional') }),
      field(t('open.message'), message, { name: 'message', wide: true })),
    h('div', { class: 'actions' }, submit));
  submitOnce(form, submit, {
    busyText: t('open.submitting'),
    send: function (key) {
      var body = { memberId: picker.value(), type: type.value, message: message.value };
      if (address.value.trim()) body.location = { address: address.value.trim() };
      return api('POST', '/v1/incidents', body, { idempotencyKey: key });
    },
    done: function (i) {
      toast(t('open.done', { code: i.code }));
      location.hash = '#/incident/' + encodeURIComponent(i.id);
    },
    failed: function (e) { showErrors(form, e); }
  });
  return h('details', { class: 'card', id: 'openDetails' }, h('summary', null, t('open.title')), h('p', { class: 'muted small' }, t('open.help')), form);
}
