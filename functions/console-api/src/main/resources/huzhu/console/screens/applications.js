/*
 * Assistance applications (帮扶申请): the list and the report by month, one application's steps with who and when,
 * its transitions (review, approve or reject, pay), and the form the union files, printed.
 */
import { t, word, when, locale } from '../lib/i18n.js';
import { $, add, clear, field, formShell, h, input, select, table } from '../lib/dom.js';
import { say, failed, showErrors, showSaveFailure } from '../lib/messages.js';
import { api, edit, qs } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { memberPicker } from '../lib/picker.js';
import { confirmDialog, toast } from '../lib/dialog.js';
import { barChart, stat } from '../lib/chart.js';
import { pagedList } from '../lib/paging.js';
import { exportButton } from './export.js';

var KINDS = ['hardship', 'medical', 'bereavement', 'education', 'disaster', 'other'];
var STEPS = ['submitted', 'reviewed', 'approved', 'rejected', 'paid'];

function money(v) { return v == null ? '—' : '¥' + Number(v).toLocaleString(locale(), { maximumFractionDigits: 2 }); }
function abadge(status) { return h('span', { class: 'badge a-' + status }, word('astatus', status)); }

export function applicationsView(view, arg) {
  var status = select([['', word('astatus', 'all')]].concat(STEPS.map(function (s) { return [s, word('astatus', s)]; })), '',
    { id: 'appStatus' });
  var holder = h('div', { id: 'appList' });
  var panel = h('div', { id: 'appPanel' });
  var report = h('div', { id: 'appReport' });
  var list = pagedList(function (cursor) {
    return api('GET', '/v1/applications' + qs({ status: status.value, limit: 50, cursor: cursor }));
  }, function (items) { clear(holder).appendChild(applicationTable(items)); }, failed);
  add(view, h('h1', null, t('apps.title')), h('p', { class: 'muted small' }, t('apps.help')),
    h('div', { class: 'toolbar' }, field(t('filter.status'), status),
      canOperate() ? h('button', { type: 'button', class: 'primary', id: 'appNew', onclick: function () {
        clear(panel).appendChild(applicationForm(null));
      } }, t('apps.new')) : null,
      exportButton('applications', function () { return { status: status.value }; })),
    panel, holder, list.more, h('h2', null, t('apps.report')), report);
  if (arg && canOperate()) clear(panel).appendChild(applicationForm(arg));
  status.addEventListener('change', function () { list.load(true); });
  list.load(true);
  api('GET', '/v1/reports/applications').then(function (r) { drawReport(report, r); }).catch(failed);
}

export function applicationTable(items) {
  return table(null, [t('col.submitted'), t('col.member'), t('apps.colKind'), t('col.requested'), t('col.approved'), t('col.status')],
    items.map(function (a) {
      return h('tr', { 'data-application': a.id },
        h('td', null, h('a', { href: '#/application/' + encodeURIComponent(a.id) }, when(a.submittedAt))),
        h('td', null, a.memberName), h('td', null, word('akind', a.kind)), h('td', null, money(a.amountRequested)),
        h('td', null, money(a.amountApproved)), h('td', null, abadge(a.status)));
    }), t('apps.empty'));
}

function drawReport(el, r) {
  var months = r.months.filter(function (m) { return m.submitted || m.approved || m.rejected || m.paid || m.reviewed; });
  add(clear(el), h('div', { class: 'stats' },
    stat(t('apps.submitted'), String(r.total.submitted)),
    stat(t('apps.requested'), money(r.total.requested)),
    stat(t('apps.approvedN'), String(r.total.approved)),
    stat(t('apps.approvedAmount'), money(r.total.approvedAmount)),
    stat(t('apps.rejectedN'), String(r.total.rejected)),
    stat(t('apps.paidN'), String(r.total.paid)),
    stat(t('apps.paidAmount'), money(r.total.paidAmount))),
    // the chart reads each month's key as "2026-03", like the incident summary's
    barChart(r.months.map(function (m) { return Object.assign({ key: m.month }, m); }),
      function (m) { return [Number(m.paidAmount)]; }, money, t('apps.paidPerMonth'), 'bar3'),
    table(t('apps.byMonth'), [t('col.month'), t('apps.submitted'), t('apps.requested'), t('apps.approvedN'),
      t('apps.approvedAmount'), t('apps.rejectedN'), t('apps.paidN'), t('apps.paidAmount')],
    months.map(function (m) {
      return h('tr', null, h('td', null, m.month), h('td', null, String(m.submitted)), h('td', null, money(m.requested)),
        h('td', null, String(m.approved)), h('td', null, money(m.approvedAmount)), h('td', null, String(m.rejected)),
        h('td', null, String(m.paid)), h('td', null, money(m.paidAmount)));
    }), t('apps.noneInPeriod')));
}

/** A new application (for {@code memberId} if given) or a correction of a submitted one ({@code a}). */
function applicationForm(memberIdOrApplication) {
  var a = memberIdOrApplication && typeof memberIdOrApplication === 'object' ? memberIdOrApplication : null;
  var form = formShell(a ? t('apps.edit') : t('apps.new'), 'applicationForm');
  var picker = memberPicker({ id: 'appMember', selected: a ? a.memberId : memberIdOrApplication });
  if (a) picker.input.disabled = true;
  var kind = select(KINDS.map(function (k) { return [k, word('akind', k)]; }), a ? a.kind : 'hardship', { id: 'appKind' });
  var amount = input({ type: 'number', min: 0.01, step: '0.01', inputmode: 'decimal', id: 'appAmount', value: a ? a.amountRequested : '' });
  var reason = h('textarea', { id: 'appReason', rows: 4, maxlength: 2000 });
  reason.value = a ? a.reason : '';
  var docs = h('textarea', { id: 'appDocs', rows: 3 });
  docs.value = a ? a.documents.join('\n') : '';
  add(form, h('div', { class: 'grid' },
    field(t('apps.member'), picker.input, { name: 'memberId', control: picker.el }), field(t('apps.kind'), kind, { name: 'kind' }),
    field(t('apps.amount'), amount, { name: 'amountRequested' }),
    field(t('apps.reason'), reason, { name: 'reason', wide: true }),
    field(t('apps.documents'), docs, { name: 'documents', wide: true, hint: t('apps.documentsHint') })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'appSave' }, t('common.save')),
      h('button', { type: 'button', onclick: function () { form.remove(); } }, t('common.close'))));
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = { memberId: picker.value(), kind: kind.value, reason: reason.value,
      amountRequested: amount.value === '' ? null : Number(amount.value),
      documents: docs.value.split('\n').map(function (d) { return d.trim(); }).filter(Boolean) };
    var path = a ? '/v1/applications/' + encodeURIComponent(a.id) : null;
    var req = a ? edit('PUT', path, body, a) : api('POST', '/v1/applications', body);
    req.then(function (saved) {
      toast(t('apps.saved', { name: saved.memberName }));
      location.hash = '#/application/' + encodeURIComponent(saved.id);
    }).catch(function (e) { showSaveFailure(form, e, path, applicationForm); });
  });
  return form;
}

export function applicationView(view, id) {
  var title = h('h1', null, t('apps.one'));
  var facts = h('div');
  var steps = h('div');
  var actions = h('div', { id: 'appActions' });
  var panel = h('div');
  add(view, h('p', null, h('a', { href: '#/applications' }, '← ' + t('apps.back'))), title, facts, actions, panel,
    h('h2', null, t('apps.steps')), steps);

  function draw(a) {
    clear(title);
    add(title, t('apps.oneFor', { name: a.memberName }), ' ', abadge(a.status));
    clear(facts).appendChild(h('div', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', null, t('apps.member')), h('dd', null, a.memberName + (a.unit ? '（' + a.unit + '）' : '')),
      h('dt', null, t('apps.kind')), h('dd', null, word('akind', a.kind)),
      h('dt', null, t('apps.amount')), h('dd', null, money(a.amountRequested)),
      a.amountApproved != null ? [h('dt', null, t('apps.approvedAmount')), h('dd', null, money(a.amountApproved))] : null,
      h('dt', null, t('apps.reason')), h('dd', { class: 'notice-text' }, a.reason),
      h('dt', null, t('apps.documents')), h('dd', null, a.documents.length ? h('ul', null, a.documents.map(function (d) {
        return h('li', null, /^https?:\/\//.test(d) ? h('a', { href: d, target: '_blank', rel: 'noopener noreferrer' }, d) : d);
      })) : '—'))));
    clear(steps).appendChild(h('ol', { class: 'timeline' }, a.steps.map(function (s) {
      return h('li', null, h('time', { datetime: s.at }, when(s.at)), word('astatus', s.status),
        s.amount != null && s.status !== 'submitted' ? ' · ' + money(s.amount) : '', s.note ? ' · ' + s.note : '',
        h('span', { class: 'muted small' }, ' — ' + s.actorName));
    })));
    clear(actions).appendChild(h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'appPrint', onclick: function () { printForm(a); } }, t('apps.print')),
      canOperate() && a.status === 'submitted' ? h('button', { type: 'button', id: 'appEdit', onclick: function () {
        clear(panel).appendChild(applicationForm(a));
      } }, t('common.edit')) : null));
    if (!canOperate()) return;
    var next = { submitted: ['review'], reviewed: ['approve', 'reject'], approved: ['pay'] }[a.status] || [];
    next.forEach(function (step) { actions.appendChild(stepForm(a, step, draw)); });
  }
  api('GET', '/v1/applications/' + encodeURIComponent(id)).then(draw).catch(failed);
}

/** One step's form: a note (required to reject), and the amount to approve (the amount requested unless changed). */
function stepForm(a, step, done) {
  var form = h('form', { class: 'card step-form', novalidate: true, id: 'step-' + step });
  var note = h('textarea', { rows: 2, maxlength: 1000, id: 'stepNote-' + step });
  var amount = step === 'approve' ? input({ type: 'number', min: 0.01, step: '0.01', id: 'stepAmount', value: a.amountRequested }) : null;
  add(form, h('h3', null, t('apps.do.' + step)), h('div', { class: 'form-errors', tabindex: '-1' }),
    h('div', { class: 'grid' },
      amount ? field(t('apps.approvedAmount'), amount, { name: 'amount' }) : null,
      step === 'pay' ? h('p', null, t('apps.payAmount', { amount: money(a.amountApproved) })) : null,
      field(t(step === 'reject' ? 'apps.rejectReason' : 'apps.note'), note, { name: 'note', wide: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: step === 'reject' ? 'danger' : 'primary',
      id: 'stepDo-' + step }, t('apps.do.' + step))));
  var submit = form.querySelector('button[type=submit]');
  function go() {
    var body = { note: note.value || null };
    if (amount) body.amount = amount.value === '' ? null : Number(amount.value);
    submit.disabled = true;
    api('POST', '/v1/applications/' + encodeURIComponent(a.id) + '/' + step, body).then(function (x) {
      toast(t('apps.done.' + step));
      done(x);
    }).catch(function (e) { submit.disabled = false; showErrors(form, e); });
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    // money leaves the union, or the member hears "no": both are asked first, saying exactly what will happen
    if (step === 'pay') {
      confirmDialog({ title: t('apps.do.pay'), text: t('apps.payConfirm', { amount: money(a.amountApproved), name: a.memberName }),
        confirm: t('apps.payYes', { amount: money(a.amountApproved) }), danger: true }).then(function (yes) { if (yes) go(); });
    } else if (step === 'reject') {
      if (!note.value.trim()) { go(); return; }
      confirmDialog({ title: t('apps.do.reject'), text: t('apps.rejectConfirm', { name: a.memberName }),
        confirm: t('apps.do.reject'), danger: true }).then(function (yes) { if (yes) go(); });
    } else {
      go();
    }
  });
  return form;
}

/** The application form as the union files it: the facts, every step, signature lines; printed from #printArea. */
function printForm(a) {
  var area = clear($('printArea'));
  function row(label, value) { return h('tr', null, h('th', { scope: 'row' }, label), h('td', null, value)); }
  var step = function (s) { return a.steps.filter(function (x) { return x.status === s; }).pop(); };
  function signed(s, label) {
    var x = step(s);
    return row(label, x ? x.actorName + ' · ' + when(x.at) + (x.note ? ' · ' + x.note : '') + (x.amount != null && s !== 'submitted' ? ' · ' + money(x.amount) : '')
      : t('apps.print.signHere'));
  }
  area.appendChild(h('div', { class: 'application-print' },
    h('h1', null, t('apps.print.title')),
    h('p', { class: 'muted' }, t('apps.print.number', { id: a.id })),
    h('table', null, h('tbody', null,
      row(t('apps.member'), a.memberName), row(t('apps.unit'), a.unit || ''),
      row(t('apps.kind'), word('akind', a.kind)), row(t('apps.amount'), money(a.amountRequested)),
      row(t('apps.reason'), a.reason), row(t('apps.documents'), a.documents.join('；') || '—'),
      signed('submitted', t('apps.print.submittedBy')), signed('reviewed', t('apps.print.reviewedBy')),
      a.status === 'rejected' ? signed('rejected', t('apps.print.rejectedBy')) : signed('approved', t('apps.print.approvedBy')),
      signed('paid', t('apps.print.paidBy')))),
    h('div', { class: 'signatures' },
      h('p', null, t('apps.print.applicantSign')), h('p', null, t('apps.print.unionSeal')), h('p', null, t('apps.print.date'))),
    h('p', { class: 'muted small' }, t('apps.print.printedAt', { time: when(new Date().toISOString()) }))));
  window.print();
}
