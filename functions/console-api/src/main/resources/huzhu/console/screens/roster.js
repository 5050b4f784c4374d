/*
 * The officers' duty roster (排班): who of the leaders is on duty from which day to which. The leaders' escalation
 * levels alert the one on duty first; on a shift's first day the sweep texts the incoming officer, and the one going
 * off duty hears who takes over. Admins add and remove shifts; everyone sees who is on duty today.
 */
import { t, day, isoDate } from '../lib/i18n.js';
import { add, clear, field, formShell, h, input, select, table, tel } from '../lib/dom.js';
import { failed, loadFailed, showErrors } from '../lib/messages.js';
import { api } from '../lib/api.js';
import { isAdmin } from '../lib/user.js';
import { onRetry } from '../lib/live.js';
import { confirmDialog, toast } from '../lib/dialog.js';

/** Today in the union's calendar (China's), as the server counts shifts, wherever the browser is. */
function unionToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function rosterView(view) {
  var today = h('div', { id: 'onDutyToday' });
  var holder = h('div', { id: 'rosterList' }, h('p', { class: 'muted' }, t('common.loading')));
  var panel = h('div', { id: 'rosterPanel' });
  add(view, h('h1', null, t('roster.title')), h('p', { class: 'muted small' }, t('roster.help')), today, panel, holder);
  var leaders = [];
  var shifts = [];

  function leaderOf(id) { return leaders.filter(function (l) { return l.id === id; })[0]; }

  function draw() {
    var now = unionToday();
    var on = shifts.filter(function (s) { return s.from <= now && now <= s.to; });
    clear(today).appendChild(h('section', { class: 'card on-duty', 'aria-labelledby': 'onDutyTitle' },
      h('h2', { id: 'onDutyTitle' }, t('roster.today')),
      on.length ? h('ul', { class: 'plain' }, on.map(function (s) {
        var l = leaderOf(s.leaderId);
        return h('li', null, h('strong', null, l ? l.name : '?'), ' · ', l ? t('leader.levelN', { n: l.level }) : '', ' · ',
          l ? tel(l.phone) : '', ' · ', t('roster.until', { day: day(s.to) }));
      })) : h('p', { class: 'muted' }, t('roster.nobody'))));
    var rows = shifts.slice().sort(function (a, b) { return a.from < b.from ? -1 : a.from > b.from ? 1 : 0; }).map(function (s) {
      var l = leaderOf(s.leaderId);
      var current = s.from <= now && now <= s.to;
      return h('tr', { 'data-key': s.id || s.leaderId + s.from, class: current ? 'current' : null },
        h('td', null, day(s.from) + ' — ' + day(s.to)),
        h('td', null, l ? l.name : '?', current ? h('span', { class: 'badge acknowledged' }, t('roster.now')) : null),
        h('td', null, l ? t('leader.levelN', { n: l.level }) : ''),
        h('td', null, l ? tel(l.phone) : ''),
        isAdmin() ? h('td', null, h('button', { type: 'button', class: 'danger', 'data-focus': 'remove',
          'aria-label': t('roster.remove') + ' ' + (l ? l.name : '') + ' ' + day(s.from), onclick: function () { remove(s); } }, t('roster.remove'))) : null);
    });
    var headers = [t('roster.days'), t('col.name'), t('col.leaderLevel'), t('col.phone')];
    if (isAdmin()) headers.push(t('col.actions'));
    clear(holder).appendChild(table(t('roster.count', { n: shifts.length }), headers, rows, t('roster.empty')));
  }

  function save(next, said) {
    return api('PUT', '/v1/duty-roster', { shifts: next }).then(function (r) {
      shifts = r.shifts;
      draw();
      toast(said);
    });
  }

  function remove(s) {
    var l = leaderOf(s.leaderId);
    confirmDialog({ title: t('roster.remove'), text: t('roster.removeConfirm', { name: l ? l.name : '', from: day(s.from), to: day(s.to) }),
      confirm: t('roster.remove'), danger: true }).then(function (yes) {
      if (!yes) return null;
      return save(shifts.filter(function (x) { return x !== s; }), t('roster.removed'));
    }).catch(failed);
  }

  function shiftForm() {
    var form = formShell(t('roster.add'), 'shiftForm');
    var who = select([['', t('common.choose')]].concat(leaders.map(function (l) { return [l.id, l.name + '（' + t('leader.levelN', { n: l.level }) + '）']; })), '', { id: 'shiftLeader' });
    var monday = new Date(unionToday() + 'T12:00:00');
    monday.setDate(monday.getDate() + ((8 - monday.getDay()) % 7 || 7));
    var sunday = new Date(monday);
    sunday.setDate(monday.getDate() + 6);
    var from = input({ type: 'date', id: 'shiftFrom', value: isoDate(monday) });
    var to = input({ type: 'date', id: 'shiftTo', value: isoDate(sunday) });
    add(form, h('div', { class: 'grid' },
      field(t('roster.leader'), who, { name: 'shifts[' + shifts.length + '].leaderId' }),
      field(t('roster.from'), from, { name: 'shifts[' + shifts.length + '].from' }),
      field(t('roster.to'), to, { name: 'shifts[' + shifts.length + '].to' })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'shiftSave' }, t('roster.add'))));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var next = shifts.concat([{ leaderId: who.value, from: from.value, to: to.value }]);
      save(next, t('roster.added')).then(function () { clear(panel).appendChild(shiftForm()); })
        .catch(function (e) { showErrors(form, e); });
    });
    return form;
  }

  function load() {
    return Promise.all([api('GET', '/v1/leaders?sort=level&limit=200'), api('GET', '/v1/duty-roster')]).then(function (r) {
      leaders = r[0].items;
      shifts = r[1].shifts;
      draw();
      if (isAdmin() && !panel.firstChild) panel.appendChild(shiftForm());
    }).catch(function (e) { loadFailed(holder, e, load); });
  }
  onRetry(load);
  load();
}
