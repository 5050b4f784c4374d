/* Reports: incidents, escalations and time to acknowledge per month and type; coverage gaps of the directory. */
import { t, word, when, duration, isoDate, endOfDay } from '../lib/i18n.js';
import { add, clear, field, h, input, table } from '../lib/dom.js';
import { failed, showErrors } from '../lib/messages.js';
import { api, qs } from '../lib/api.js';
import { barChart, stat } from '../lib/chart.js';
import { exportButton } from './export.js';

export function reportsView(view) {
  var from = input({ type: 'date', id: 'repFrom' });
  var to = input({ type: 'date', id: 'repTo' });
  var now = new Date();
  var start = new Date(now.getFullYear() - 1, now.getMonth() + 1, 1);
  from.value = isoDate(start);
  to.value = isoDate(now);
  var summary = h('div', { id: 'summary' });
  var coverage = h('div', { id: 'coverage' });
  function period() {
    var q = {};
    if (from.value) q.from = new Date(from.value + 'T00:00:00').toISOString();
    if (to.value) q.to = endOfDay(to.value);
    return q;
  }
  var form = h('form', { class: 'toolbar' }, h('div', { class: 'form-errors', tabindex: '-1' }), field(t('filter.from'), from), field(t('filter.to'), to),
    h('button', { type: 'submit' }, t('common.filter')), exportButton('reports', period));
  add(view, h('h1', null, t('reports.title')), form, summary, h('h2', null, t('coverage.title')), coverage);
  function load() {
    api('GET', '/v1/reports/summary' + qs(period())).then(function (s) { drawSummary(clear(summary), s); }).catch(function (e) { showErrors(form, e); });
  }
  form.addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
  load();
  api('GET', '/v1/reports/coverage').then(function (c) { drawCoverage(coverage, c); }).catch(failed);
}

function pct(rate) { return rate == null ? '—' : Math.round(rate * 1000) / 10 + '%'; }

function drawSummary(el, s) {
  add(el, h('div', { class: 'stats' },
    stat(t('reports.incidents'), String(s.incidents)),
    stat(t('reports.acknowledged'), String(s.acknowledged)),
    stat(t('reports.escalated'), String(s.escalated)),
    stat(t('reports.escalationRate'), pct(s.escalationRate)),
    stat(t('reports.resolved'), String(s.resolved)),
    stat(t('reports.cancelled'), String(s.cancelled)),
    stat(t('reports.mttaP50'), duration(s.mttaSeconds.p50)),
    stat(t('reports.mttaP90'), duration(s.mttaSeconds.p90))));
  add(el, h('h2', null, t('reports.perMonth')),
    h('div', { class: 'legend' }, h('span', null, h('span', { class: 'swatch bar' }), t('reports.incidents')), h('span', null, h('span', { class: 'swatch bar2' }), t('reports.escalated'))),
    barChart(s.months, function (m) { return [m.incidents, m.escalated]; }, function (v) { return String(v); }, t('reports.perMonthLabel')));
  add(el, h('h2', null, t('reports.mttaPerMonth')),
    barChart(s.months, function (m) { return [m.mttaSeconds.p50 == null ? 0 : m.mttaSeconds.p50]; }, duration, t('reports.mttaPerMonthLabel'), 'bar3'));
  var maxType = Math.max.apply(null, [1].concat(s.types.map(function (x) { return x.incidents; })));
  add(el, h('h2', null, t('reports.byType')), table(null, [t('col.type'), t('reports.incidents'), '', t('reports.escalationRate'), t('reports.mttaP50')],
    s.types.map(function (x) {
      return h('tr', null, h('td', null, word('type', x.key)), h('td', null, String(x.incidents)),
        h('td', null, h('meter', { min: 0, max: maxType, value: x.incidents, 'aria-label': word('type', x.key) })),
        h('td', null, pct(x.escalationRate)), h('td', null, duration(x.mttaSeconds.p50)));
    })));
}

function drawCoverage(el, c) {
  function gaps(list) {
    return list.map(function (g) {
      return h('tr', null, h('td', null, g.name), h('td', null, [g.city, g.district].filter(Boolean).join(' ')), h('td', null, g.optedOutAt ? when(g.optedOutAt) : ''));
    });
  }
  var cols = [t('col.name'), t('col.home'), ''];
  add(el, h('p', { class: 'muted small' }, t('coverage.help')),
    table(t('coverage.noFamily', { n: c.membersWithoutFamilyContact.length }), cols, gaps(c.membersWithoutFamilyContact), t('coverage.allGood')),
    h('br'),
    table(t('coverage.noVolunteer', { n: c.membersWithoutVolunteer.length }), cols, gaps(c.membersWithoutVolunteer), t('coverage.allGood')),
    h('br'),
    table(t('coverage.noVolunteerInCity', { n: c.membersWithoutVolunteerInCity.length }), cols, gaps(c.membersWithoutVolunteerInCity), t('coverage.allGood')),
    h('br'),
    table(t('coverage.optedOut', { n: c.volunteersOptedOut.length }), [t('col.name'), t('col.area'), t('col.optedOutAt')], gaps(c.volunteersOptedOut), t('coverage.noneOptedOut')));
}
