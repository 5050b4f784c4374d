/* The live board: every active incident, the ones nobody took first, refreshed every five seconds; opening one. */
import { t, word, locale, since } from '../lib/i18n.js';
import { add, badge, clear, field, h, input, select, table } from '../lib/dom.js';
import { say, failed, showErrors } from '../lib/messages.js';
import { api } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { every } from '../lib/timers.js';
import { knownMembers, loadMembers, memberName, memberOptions } from '../lib/members.js';

export function boardView(view) {
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
      var members = knownMembers();
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

function typeOptions(value) {
  return select(['medical', 'accident', 'fire', 'bereavement', 'other'].map(function (x) { return [x, word('type', x)]; }), value || 'medical', {});
}

/** An officer opens an incident on someone's behalf (a phone call to the union office). */
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
