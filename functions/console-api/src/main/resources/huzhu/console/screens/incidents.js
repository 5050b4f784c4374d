/* The incident history: every incident by status and date, fifty at a time. */
import { t, word, when, duration } from '../lib/i18n.js';
import { add, badge, clear, field, h, input, select, table } from '../lib/dom.js';
import { showErrors } from '../lib/messages.js';
import { api, qs } from '../lib/api.js';
import { memberName } from '../lib/members.js';
import { pagedList } from '../lib/paging.js';

export function incidentsView(view) {
  var status = select(['all', 'active', 'open', 'acknowledged', 'resolved', 'cancelled'].map(function (s) { return [s, word('filter', s)]; }), 'all');
  var from = input({ type: 'date' });
  var to = input({ type: 'date' });
  var holder = h('div');
  var form = h('form', { class: 'toolbar', role: 'search' },
    field(t('filter.status'), status), field(t('filter.from'), from), field(t('filter.to'), to),
    h('button', { type: 'submit' }, t('common.filter')));
  var list = pagedList(function (cursor) {
    var q = { status: status.value, limit: 50, cursor: cursor };
    if (from.value) q.from = new Date(from.value + 'T00:00:00').toISOString();
    if (to.value) q.to = new Date(to.value + 'T00:00:00').toISOString();
    return api('GET', '/v1/incidents' + qs(q));
  }, function (items) {
    clear(holder).appendChild(table(null, [t('col.code'), t('col.created'), t('col.member'), t('col.type'), t('col.status'), t('col.tta'), t('col.outcome')],
      items.map(function (i) {
        return h('tr', null,
          h('td', null, h('a', { href: '#/incident/' + encodeURIComponent(i.id), class: 'code' }, i.code)),
          h('td', null, when(i.createdAt)), h('td', null, memberName(i.memberId)), h('td', null, word('type', i.type)),
          h('td', null, badge(i.status)), h('td', null, i.acknowledgedAt ? duration((Date.parse(i.acknowledgedAt) - Date.parse(i.createdAt)) / 1000) : '—'),
          h('td', null, i.outcome || ''));
      })));
  }, function (e) { showErrors(form, e); });
  add(view, h('h1', null, t('incidents.title')), form, holder, list.more);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); list.load(true); });
  list.load(true);
}
