/*
 * Requests to change a member's family contacts, made on the member's own page: an officer checks and approves (the
 * member's record changes, the new contact is introduced) or rejects with a reason the member is texted.
 */
import { t, word, when } from '../lib/i18n.js';
import { add, clear, field, h, input, select, table } from '../lib/dom.js';
import { failed } from '../lib/messages.js';
import { confirmDialog, toast } from '../lib/dialog.js';
import { api, qs } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { loadMembers } from '../lib/members.js';
import { pagedList } from '../lib/paging.js';

var STATUSES = ['pending', 'approved', 'rejected', 'all'];

export function contactRequestsView(view) {
  var status = select(STATUSES.map(function (s) { return [s, word('crstatus', s)]; }), 'pending', { id: 'crStatus' });
  var holder = h('div', { id: 'crList' });
  var list = pagedList(function (cursor) {
    return api('GET', '/v1/contact-requests' + qs({ status: status.value, limit: 50, cursor: cursor }));
  }, function (items) { clear(holder).appendChild(requestTable(items, function () { list.load(true); })); }, failed);
  add(view, h('h1', null, t('contacts.title')), h('p', { class: 'muted small' }, t('contacts.help')),
    h('div', { class: 'toolbar' }, field(t('filter.status'), status)), holder, list.more);
  status.addEventListener('change', function () { list.load(true); });
  list.load(true);
}

function change(r) {
  return word('craction', r.action) + '：' + [r.relation, r.name, r.phone].filter(Boolean).join(' ');
}

function requestTable(items, reload) {
  var headers = [t('contacts.colAsked'), t('col.member'), t('contacts.colChange'), t('contacts.target'),
    t('contacts.colRequester'), t('col.status')];
  if (canOperate()) headers.push(t('col.actions'));
  return table(null, headers, items.map(function (r) {
    return h('tr', { 'data-request': r.id }, h('td', null, when(r.createdAt)), h('td', null, r.memberName),
      h('td', null, change(r), r.note ? h('div', { class: 'muted small' }, r.note) : null),
      h('td', null, r.targetPhone || '—'), h('td', null, r.requesterName || '—'),
      h('td', null, word('crstatus', r.status), r.decidedBy ? h('div', { class: 'muted small' }, r.decidedBy + ' · ' + (r.decisionNote || '')) : null),
      canOperate() ? h('td', null, r.status === 'pending' ? decide(r, reload) : '') : null);
  }), t('contacts.empty'));
}

/**
 * Approving changes the phone the member's emergencies reach and texts the member; rejecting texts them the reason:
 * both are asked in the page first (a refusal for a missing reason needs no asking).
 */
function decide(r, reload) {
  var reason = input({ maxlength: 300, 'aria-label': t('contacts.reason'), placeholder: t('contacts.reason') });
  function approve() {
    api('POST', '/v1/contact-requests/' + encodeURIComponent(r.id) + '/approve', {}).then(function () {
      toast(t('contacts.approved'));
      return loadMembers().then(reload);
    }).catch(failed);
  }
  function reject() {
    api('POST', '/v1/contact-requests/' + encodeURIComponent(r.id) + '/reject', { note: reason.value }).then(function () {
      toast(t('contacts.rejected'));
      reload();
    }).catch(failed);
  }
  return h('div', { class: 'decide' },
    h('button', { type: 'button', class: 'primary approve', onclick: function () {
      confirmDialog({ title: t('contacts.approveTitle'), text: t('contacts.approveConfirm', { member: r.memberName, change: change(r) }),
        confirm: t('contacts.approve') }).then(function (yes) { if (yes) approve(); });
    } }, t('contacts.approve')),
    ' ', reason, ' ',
    h('button', { type: 'button', class: 'reject', onclick: function () {
      if (!reason.value.trim()) { reject(); return; }
      confirmDialog({ title: t('contacts.rejectTitle'), text: t('contacts.rejectConfirm', { member: r.memberName, reason: reason.value.trim() }),
        confirm: t('contacts.reject'), danger: true }).then(function (yes) { if (yes) reject(); });
    } }, t('contacts.reject')));
}
