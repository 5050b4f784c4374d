/* One incident: the facts, who is coming, whom it alerted, its timeline and care follow-ups; the officer's actions. */
import { t, word, when, since } from '../lib/i18n.js';
import { add, badge, clear, field, h, input, table } from '../lib/dom.js';
import { say, failed, showErrors } from '../lib/messages.js';
import { api } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { every } from '../lib/timers.js';
import { knownMembers } from '../lib/members.js';
import { followUpForm, followUpTable } from './followups.js';

export function incidentView(view, id) {
  var facts = h('div', { id: 'incidentFacts' });
  var alerts = h('div');
  var responders = h('div');
  var timeline = h('div');
  var followups = h('div');
  var actions = h('div', { id: 'incidentActions' });
  var title = h('h1', null, t('incident.title', { code: '…' }));
  add(view, title, facts, actions,
    h('h2', null, t('incident.responders')), responders,
    h('h2', null, t('incident.alerts')), alerts,
    h('h2', null, t('incident.timeline')), timeline,
    h('h2', null, t('incident.followups')), followups);
  var drawnActive = null;

  function draw(i) {
    clear(title);
    add(title, t('incident.title', { code: i.code }), ' ', badge(i.status));
    var reporter = i.reporter || {};
    var place = i.location ? [i.location.address, i.location.lat != null ? i.location.lat + ', ' + i.location.lon : null].filter(Boolean).join(' · ') : '';
    var member = knownMembers()[i.memberId];
    clear(facts).appendChild(h('div', { class: 'card' + (i.needsAttention ? ' exhausted' : '') },
      i.needsAttention ? h('p', { class: 'badge alert' }, '⚠ ' + t('board.exhausted')) : null,
      h('dl', { class: 'facts' },
        h('dt', null, t('incident.member')), h('dd', null, member ? member.name + (member.homeArea ? '（' + member.homeArea.city + ' ' + (member.homeArea.district || '') + '）' : '') : t('common.unknownMember')),
        member && member.homeAddress ? [h('dt', null, t('incident.homeAddress')), h('dd', null, member.homeAddress)] : null,
        h('dt', null, t('incident.type')), h('dd', null, word('type', i.type)),
        h('dt', null, t('incident.message')), h('dd', null, i.message || '—'),
        place ? [h('dt', null, t('incident.location')), h('dd', null, place)] : null,
        h('dt', null, t('incident.reporter')), h('dd', null, [reporter.name, reporter.phone, word('channel', reporter.channel),
          reporter.verified ? t('incident.verified') : t('incident.unverified')].filter(Boolean).join(' · ')),
        h('dt', null, t('incident.created')), h('dd', null, when(i.createdAt) + '（' + t('incident.ago', { d: since(i.createdAt) }) + '）'),
        h('dt', null, t('incident.level')), h('dd', null, t('board.levelN', { n: i.level }) + (i.nextEscalationAt && (i.status === 'open') ? ' · ' + t('incident.nextEscalation', { time: when(i.nextEscalationAt) }) : '')),
        i.acknowledgedAt ? [h('dt', null, t('incident.acknowledgedAt')), h('dd', null, when(i.acknowledgedAt))] : null,
        i.resolvedAt ? [h('dt', null, t('incident.resolvedAt')), h('dd', null, when(i.resolvedAt))] : null,
        i.outcome ? [h('dt', null, t('incident.outcome')), h('dd', null, i.outcome)] : null)));
    clear(responders).appendChild(table(null, [t('col.name'), t('col.phone'), t('col.acceptedAt'), t('col.arrivedAt')],
      i.responders.map(function (r) {
        return h('tr', null, h('td', null, r.name), h('td', null, h('a', { href: 'tel:' + r.phone }, r.phone)),
          h('td', null, when(r.acceptedAt)), h('td', null, r.arrivedAt ? when(r.arrivedAt) : '—'));
      }), t('incident.noResponders')));
    clear(alerts).appendChild(h('p', { class: 'muted small', id: 'deliverySummary' }, deliverySummary(i.alerts)));
    alerts.appendChild(table(null, [t('col.name'), t('col.kind'), t('col.phone'), t('col.level'), t('col.sentAt'), t('col.delivery')],
      i.alerts.map(function (a) {
        return h('tr', null, h('td', null, a.name), h('td', null, word('recipient', a.recipientKind)), h('td', null, a.to),
          h('td', null, String(a.level)), h('td', null, a.sentAt ? when(a.sentAt) : t('incident.notSent')),
          h('td', null, word('alert', a.status), a.failureReason ? ' — ' + a.failureReason : ''));
      })));
    clear(timeline).appendChild(h('ol', { class: 'timeline' }, i.timeline.slice().reverse().map(function (e) {
      return h('li', null, h('time', { datetime: e.at }, when(e.at)), e.text, e.actor ? h('span', { class: 'muted small' }, ' — ' + e.actor) : null);
    })));
    var active = i.status === 'open' || i.status === 'acknowledged';
    if (drawnActive !== active) {
      drawnActive = active;
      clear(actions);
      if (canOperate() && active) actions.appendChild(actionForms(i, load));
    }
  }

  function load() {
    return api('GET', '/v1/incidents/' + encodeURIComponent(id)).then(draw).catch(failed);
  }

  function loadFollowUps() {
    return api('GET', '/v1/incidents/' + encodeURIComponent(id) + '/followups').then(function (p) {
      clear(followups).appendChild(followUpTable(p.items, false, loadFollowUps));
      if (canOperate()) followups.appendChild(followUpForm(id, loadFollowUps));
    }).catch(failed);
  }

  load();
  loadFollowUps();
  every(5000, function () { if (drawnActive !== false) load(); });
}

/** Acknowledge, escalate now, add a note, resolve, cancel (a false alarm). */
function actionForms(i, reload) {
  var box = h('div', { class: 'card' });
  var path = '/v1/incidents/' + encodeURIComponent(i.id) + '/';
  function act(action, body, form) {
    return api('POST', path + action, body || {}).then(function () {
      say(t('action.done.' + action, { code: i.code }));
      if (form) form.reset();
      return reload();
    }).catch(function (e) { if (form) showErrors(form, e); else failed(e); });
  }
  var quick = h('div', { class: 'actions' },
    i.status === 'open' ? h('button', { type: 'button', class: 'primary', id: 'ackBtn', onclick: function () { act('acknowledge'); } }, t('action.acknowledge')) : null,
    h('button', { type: 'button', id: 'escalateBtn', onclick: function () { if (confirm(t('action.escalateConfirm'))) act('escalate'); } }, t('action.escalate')));

  var noteText = h('textarea', { maxlength: 2000, id: 'noteText' });
  var note = h('form', { novalidate: true }, h('div', { class: 'form-errors', tabindex: '-1' }),
    field(t('action.noteLabel'), noteText, { name: 'text', wide: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('action.note'))));
  note.addEventListener('submit', function (ev) { ev.preventDefault(); act('notes', { text: noteText.value }, note); });

  var outcome = input({ id: 'resolveOutcome', maxlength: 200 });
  var notes = h('textarea', { maxlength: 2000 });
  var resolve = h('form', { novalidate: true }, h('div', { class: 'form-errors', tabindex: '-1' }),
    h('div', { class: 'grid' }, field(t('action.outcome'), outcome, { name: 'outcome' }), field(t('action.notes'), notes, { name: 'notes', wide: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'resolveBtn' }, t('action.resolve'))));
  resolve.addEventListener('submit', function (ev) { ev.preventDefault(); act('resolve', { outcome: outcome.value, notes: notes.value }, resolve); });

  var reason = input({ maxlength: 200 });
  var cancel = h('form', { novalidate: true }, h('div', { class: 'form-errors', tabindex: '-1' }),
    h('p', { class: 'muted small' }, t('action.cancelHelp')),
    field(t('action.reason'), reason, { name: 'reason' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, t('action.cancel'))));
  cancel.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (confirm(t('action.cancelConfirm'))) act('cancel', { reason: reason.value }, cancel);
  });

  add(box, h('h2', null, t('incident.actions')), quick,
    h('details', null, h('summary', null, t('action.note')), note),
    h('details', { id: 'resolveDetails' }, h('summary', null, t('action.resolve')), resolve),
    h('details', null, h('summary', null, t('action.cancel')), cancel));
  return box;
}

/** Sent vs delivered: what went out, what the carriers reported on the phones (an answer means it arrived), what failed. */
function deliverySummary(alerts) {
  var reached = { delivered: 1, accepted: 1, declined: 1 };
  return t('incident.deliverySummary', {
    sent: alerts.filter(function (a) { return a.sentAt; }).length,
    delivered: alerts.filter(function (a) { return reached[a.status]; }).length,
    failed: alerts.filter(function (a) { return a.status === 'failed'; }).length
  });
}
