/* Care after the emergency (慰问, 帮扶, bereavement help): the list of every follow-up, an incident's, and the form. */
import { t, word, isoDate, day } from '../lib/i18n.js';
import { add, clear, field, h, input, select, table } from '../lib/dom.js';
import { say, failed, showErrors } from '../lib/messages.js';
import { api, edit, qs } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { memberName } from '../lib/members.js';
import { pagedList } from '../lib/paging.js';

export function followUpTable(items, withIncident, reload) {
  var headers = [t('col.due'), t('col.followupKind'), t('col.member'), t('col.visitors'), t('col.amount'), t('col.status'), t('col.done'), t('col.notes')];
  if (withIncident) headers.push(t('col.incident'));
  if (canOperate()) headers.push(t('col.actions'));
  return table(null, headers, items.map(function (f) {
    return h('tr', { 'data-followup': f.id }, h('td', null, f.dueDate ? day(f.dueDate) : '—'),
      h('td', null, word('followup', f.kind), f.task ? h('div', { class: 'muted small' }, f.task + (f.owner ? ' · ' + f.owner : '')) : null),
      h('td', null, memberName(f.memberId)),
      h('td', null, (f.visitors || []).join('、')), h('td', null, f.amount != null ? '¥' + f.amount : ''),
      h('td', null, word('fstatus', f.status)), h('td', null, f.doneDate ? day(f.doneDate) : ''), h('td', null, f.notes || ''),
      withIncident ? h('td', null, h('a', { href: f.incidentId ? '#/incident/' + encodeURIComponent(f.incidentId)
        : '#/round/' + encodeURIComponent(f.roundId) }, t('followups.open'))) : null,
      canOperate() ? h('td', null, f.status === 'planned' ? h('button', {
        type: 'button', class: 'mark-done', 'aria-label': t('followups.markDone') + ' ' + memberName(f.memberId) + ' ' + (f.dueDate || ''),
        onclick: function () { markDone(f, reload); }
      }, t('followups.markDone')) : '') : null);
  }), t('followups.empty'));
}

/** A planned visit that has been made: done today, everything else as it was. */
function markDone(f, reload) {
  var body = {
    kind: f.kind, dueDate: f.dueDate, doneDate: isoDate(new Date()), status: 'done',
    visitors: f.visitors, notes: f.notes, amount: f.amount, task: f.task, owner: f.owner
  };
  edit('PUT', '/v1/followups/' + encodeURIComponent(f.id), body, f).then(function () {
    say(t('followups.markedDone'));
    return reload && reload();
  }).catch(function (e) {
    failed(e);
    // somebody else changed it meanwhile: the list as it is now
    if (e.status === 412 && reload) reload();
  });
}

export function followUpForm(incidentId, reload) {
  var kind = select(['visit', 'assistance', 'bereavement'].map(function (k) { return [k, word('followup', k)]; }), 'visit', { id: 'fuKind' });
  var status = select([['planned', word('fstatus', 'planned')], ['done', word('fstatus', 'done')]], 'planned', { id: 'fuStatus' });
  var due = input({ type: 'date', id: 'fuDue' });
  var done = input({ type: 'date', id: 'fuDone' });
  var visitors = input({ id: 'fuVisitors' });
  var amount = input({ type: 'number', min: 0, step: '0.01', inputmode: 'decimal' });
  var notes = h('textarea', { maxlength: 2000, id: 'fuNotes' });
  var form = h('form', { class: 'card', novalidate: true, id: 'followUpForm' },
    h('h3', null, t('followups.add')), h('div', { class: 'form-errors', tabindex: '-1' }),
    h('div', { class: 'grid' },
      field(t('followups.kind'), kind, { name: 'kind' }), field(t('followups.status'), status, { name: 'status' }),
      field(t('followups.due'), due, { name: 'dueDate' }), field(t('followups.done'), done, { name: 'doneDate' }),
      field(t('followups.visitors'), visitors, { name: 'visitors', hint: t('followups.visitorsHint') }),
      field(t('followups.amount'), amount, { name: 'amount', hint: t('common.optional') }),
      field(t('followups.notes'), notes, { name: 'notes', wide: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'fuSave' }, t('common.save'))));
  done.addEventListener('change', function () { if (done.value) status.value = 'done'; });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = {
      kind: kind.value, status: status.value, dueDate: due.value || null, doneDate: done.value || null,
      visitors: visitors.value.split(/[,，、;；]/).map(function (v) { return v.trim(); }).filter(Boolean),
      notes: notes.value || null, amount: amount.value === '' ? null : Number(amount.value)
    };
    api('POST', '/v1/incidents/' + encodeURIComponent(incidentId) + '/followups', body).then(function () {
      say(t('followups.saved'));
      return reload();
    }).catch(function (e) { showErrors(form, e); });
  });
  return form;
}

export function followUpsView(view) {
  var status = select([['', word('filter', 'all')], ['planned', word('fstatus', 'planned')], ['done', word('fstatus', 'done')]], '');
  var holder = h('div');
  var list = pagedList(function (cursor) {
    return api('GET', '/v1/followups' + qs({ status: status.value, limit: 50, cursor: cursor }));
  }, function (items) {
    clear(holder).appendChild(followUpTable(items, true, function () { list.load(true); }));
  }, failed);
  add(view, h('h1', null, t('followups.title')), h('p', { class: 'muted small' }, t('followups.help')),
    h('div', { class: 'toolbar' }, field(t('filter.status'), status)), holder, list.more);
  status.addEventListener('change', function () { list.load(true); });
  list.load(true);
}
