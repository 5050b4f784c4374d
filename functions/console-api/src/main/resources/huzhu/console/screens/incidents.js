/*
 * The incident history: every incident by status, dates (the end date included), the member's unit and district;
 * a table with the total, pages and sortable columns, exported to Excel as shown.
 */
import { t, word, when, duration, endOfDay } from '../lib/i18n.js';
import { add, badge, field, h, input, select } from '../lib/dom.js';
import { loadFailed } from '../lib/messages.js';
import { api, qs } from '../lib/api.js';
import { memberName } from '../lib/members.js';
import { dataTable } from '../lib/table.js';
import { onRetry } from '../lib/live.js';
import { exportButton } from './export.js';
import { fillFacets } from './facets.js';

export function incidentsView(view) {
  var status = select(['all', 'active', 'open', 'acknowledged', 'resolved', 'cancelled'].map(function (s) { return [s, word('filter', s)]; }), 'all', { id: 'histStatus' });
  var from = input({ type: 'date', id: 'histFrom' });
  var to = input({ type: 'date', id: 'histTo' });
  var unit = select([['', t('dir.anyUnit')]], '', { id: 'histUnit' });
  var district = select([['', t('dir.anyDistrict')]], '', { id: 'histDistrict' });
  function filters() {
    var q = { status: status.value };
    if (from.value) q.from = new Date(from.value + 'T00:00:00').toISOString();
    if (to.value) q.to = endOfDay(to.value);
    if (unit.value) q.unit = unit.value;
    if (district.value) {
      var parts = district.value.split('|');
      q.city = parts[0];
      if (parts[1]) q.district = parts[1];
    }
    return q;
  }
  var form = h('form', { class: 'toolbar', role: 'search' },
    field(t('filter.status'), status), field(t('filter.from'), from), field(t('filter.to'), to),
    field(t('dir.unit'), unit), field(t('dir.district'), district),
    h('button', { type: 'submit' }, t('common.filter')), exportButton('incidents', filters));
  var list = dataTable({
    id: 'histList',
    caption: function (n) { return t('incidents.count', { n: n }); },
    sort: 'createdAt', order: 'desc',
    row: function (i) { return { 'data-key': i.id }; },
    columns: [
      { key: 'code', label: t('col.code'), sort: 'code', cell: function (i) { return h('a', { href: '#/incident/' + encodeURIComponent(i.id), class: 'code', 'data-focus': 'open' }, i.code); } },
      { key: 'created', label: t('col.created'), sort: 'createdAt', cell: function (i) { return when(i.createdAt); } },
      { key: 'member', label: t('col.member'), cell: function (i) { return memberName(i.memberId); } },
      { key: 'type', label: t('col.type'), sort: 'type', cell: function (i) { return word('type', i.type); } },
      { key: 'status', label: t('col.status'), sort: 'status', cell: function (i) { return badge(i.status); } },
      { key: 'tta', label: t('col.tta'), sort: 'tta', cell: function (i) { return i.acknowledgedAt ? duration((Date.parse(i.acknowledgedAt) - Date.parse(i.createdAt)) / 1000) : '—'; } },
      { key: 'outcome', label: t('col.outcome'), cell: function (i) { return i.outcome || ''; } }
    ],
    fetch: function (p) {
      var q = filters();
      Object.assign(q, { page: p.page, limit: p.limit, sort: p.sort, order: p.order });
      return api('GET', '/v1/incidents' + qs(q));
    },
    failed: function (e, retry) { loadFailed(list.el, e, retry); }
  });
  add(view, h('h1', null, t('incidents.title')), form, list.el);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); list.reload(true); });
  [status, unit, district].forEach(function (s) { s.addEventListener('change', function () { list.reload(true); }); });
  onRetry(function () { list.reload(); });
  fillFacets(unit, district);
  list.reload(true);
}
