/*
 * One incident: the facts (every phone a tap to call, the address a tap to the map), who has it, whom it alerted,
 * its timeline in the page's language and care follow-ups; the officer's actions. Refreshed every five seconds
 * while active; the action forms are drawn again only when the incident's state changes, so what an officer is
 * typing stays, and a redraw keeps the keyboard focus where it was.
 */
import { t, word, when, since, said, levelName, incidentLevel } from '../lib/i18n.js';
import { add, badge, clear, field, h, input, mapLink, select, table, tel } from '../lib/dom.js';
import { failed, loadFailed, showErrors } from '../lib/messages.js';
import { api } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { every } from '../lib/timers.js';
import { onRetry } from '../lib/live.js';
import { knownMembers } from '../lib/members.js';
import { confirmDialog, toast } from '../lib/dialog.js';
import { focusKey, refocus } from '../lib/table.js';
import { needsAttention, takenBy } from './board.js';
import { followUpForm, followUpTable } from './followups.js';

export function incidentView(view, id) {
  var facts = h('div', { id: 'incidentFacts' });
  var alerts = h('div', { id: 'incidentAlerts' });
  var responders = h('div', { id: 'incidentResponders' });
  var timeline = h('div', { id: 'incidentTimeline' });
  var followups = h('div');
  var actions = h('div', { id: 'incidentActions' });
  var title = h('h1', null, t('incident.title', { code: '…' }));
  var polled = h('div', null, facts, h('h2', null, t('incident.responders')), responders,
    h('h2', null, t('incident.alerts')), alerts, h('h2', null, t('incident.timeline')), timeline);
  add(view, title, polled, actions, h('h2', null, t('incident.followups')), followups);
  // the forms come right after the facts, where the officer looks first
  polled.insertBefore(actions, polled.children[1]);
  var drawnState = null;
  var last = null;

  function draw(i) {
    var focused = document.activeElement && polled.contains(document.activeElement) && !actions.contains(document.activeElement)
      ? focusKey(document.activeElement) : null;
    clear(title);
    add(title, t('incident.title', { code: i.code }), ' ', badge(i.status));
    var member = knownMembers()[i.memberId];
    clear(facts).appendChild(factsCard(i, member));
    clear(responders).appendChild(whoHasIt(i));
    clear(alerts).appendChild(h('p', { class: 'muted small', id: 'deliverySummary' }, deliverySummary(i.alerts)));
    alerts.appendChild(table(null, [t('col.name'), t('col.kind'), t('col.phone'), t('col.level'), t('col.sentAt'), t('col.delivery')],
      i.alerts.map(function (a) {
        return h('tr', { 'data-key': 'alert-' + a.recipientId }, h('td', null, a.name), h('td', null, word('recipient', a.recipientKind)),
          h('td', null, tel(a.to)), h('td', null, levelName(a.level)), h('td', null, a.sentAt ? when(a.sentAt) : t('incident.notSent')),
          h('td', null, word('alert', a.status), a.failureReason ? ' — ' + a.failureReason : ''));
      })));
    clear(timeline).appendChild(h('ol', { class: 'timeline' }, i.timeline.slice().reverse().map(function (e) {
      return h('li', null, h('time', { datetime: e.at }, when(e.at)), said(e.texts, e.text), actorOf(e));
    })));
    var state = i.status + '|' + i.responders.length + '|' + (i.officerInCharge || '');
    if (drawnState !== state) {
      drawnState = state;
      clear(actions);
      if (canOperate() && (i.status === 'open' || i.status === 'acknowledged')) actions.appendChild(actionForms(i, load, member));
    }
    if (focused) refocus(polled, focused);
  }

  function load() {
    return api('GET', '/v1/incidents/' + encodeURIComponent(id)).then(function (i) {
      if (i === last) return;
      last = i;
      draw(i);
    }).catch(function (e) { if (!last) loadFailed(facts, e, load); });
  }

  function loadFollowUps() {
    return api('GET', '/v1/incidents/' + encodeURIComponent(id) + '/followups').then(function (p) {
      clear(followups).appendChild(followUpTable(p.items, false, loadFollowUps));
      if (canOperate()) followups.appendChild(followUpForm(id, loadFollowUps));
    }).catch(failed);
  }

  onRetry(load);
  load();
  loadFollowUps();
  every(5000, function () { if (!last || last.status === 'open' || last.status === 'acknowledged') load(); });
}

/** Who wrote a line: nobody named for the system's own steps; a reporter's phone, tap to call. */
function actorOf(e) {
  if (!e.actor || e.actor === 'system') return null;
  return h('span', { class: 'muted small' }, ' — ', /^\+\d{6,}$/.test(e.actor) ? tel(e.actor) : e.actor);
}

function factsCard(i, member) {
  var reporter = i.reporter || {};
  var place = i.location || {};
  var city = member && member.homeArea ? member.homeArea.city : null;
  var placeText = [place.address, place.lat != null ? place.lat + ', ' + place.lon : null].filter(Boolean).join(' · ');
  return h('div', { class: 'card' + (needsAttention(i) ? ' exhausted' : '') },
    needsAttention(i) ? h('p', { class: 'badge alert' }, '⚠ ' + t('board.exhausted')) : null,
    h('dl', { class: 'facts' },
      h('dt', null, t('incident.member')), h('dd', null, member ? [member.name + (member.homeArea ? '（' + member.homeArea.city + ' ' + (member.homeArea.district || '') + '）' : ''), ' ', tel(member.phone)] : t('common.unknownMember')),
      member && member.homeAddress ? [h('dt', null, t('incident.homeAddress')), h('dd', null, member.homeAddress, ' ', mapLink(t('incident.map'), member.homeAddress, city, member.location && member.location.lat, member.location && member.location.lon))] : null,
      member && member.familyContacts && member.familyContacts.length ? [h('dt', null, t('incident.family')), h('dd', null, member.familyContacts.map(function (c, k) {
        return [k ? '；' : '', c.name + (c.relation ? '（' + c.relation + '）' : '') + ' ', tel(c.phone)];
      }))] : null,
      h('dt', null, t('incident.type')), h('dd', null, word('type', i.type)),
      h('dt', null, t('incident.message')), h('dd', null, i.message || '—'),
      placeText ? [h('dt', null, t('incident.location')), h('dd', null, placeText, ' ', mapLink(t('incident.map'), place.address, city, place.lat, place.lon))] : null,
      h('dt', null, t('incident.reporter')), h('dd', null, [reporter.name, reporter.phone ? tel(reporter.phone) : null, word('channel', reporter.channel),
        reporter.verified ? t('incident.verified') : t('incident.unverified')].filter(Boolean).map(function (x, k) { return [k ? ' · ' : '', x]; })),
      h('dt', null, t('incident.created')), h('dd', null, when(i.createdAt) + '（' + t('incident.ago', { d: since(i.createdAt) }) + '）'),
      h('dt', null, t('incident.level')), h('dd', null, incidentLevel(i) + (i.nextEscalationAt && (i.status === 'open') ? ' · ' + t('incident.nextEscalation', { time: when(i.nextEscalationAt) }) : '')),
      i.acknowledgedAt ? [h('dt', null, t('incident.acknowledgedAt')), h('dd', null, when(i.acknowledgedAt))] : null,
      i.resolvedAt ? [h('dt', null, t('incident.resolvedAt')), h('dd', null, when(i.resolvedAt))] : null,
      i.outcome ? [h('dt', null, t('incident.outcome')), h('dd', null, i.outcome)] : null));
}

/** The neighbours who accepted, or the officer who took it at the console, or nobody yet. */
function whoHasIt(i) {
  if (!i.responders.length && i.officerInCharge) {
    return h('p', { class: 'taken-by', id: 'officerInCharge' }, t('incident.takenByOfficer', { name: i.officerInCharge }));
  }
  return table(null, [t('col.name'), t('col.phone'), t('col.acceptedAt'), t('col.arrivedAt')],
    i.responders.map(function (r) {
      return h('tr', { 'data-key': 'responder-' + r.recipientId }, h('td', null, r.name), h('td', null, tel(r.phone)),
        h('td', null, when(r.acceptedAt)), h('td', null, r.arrivedAt ? when(r.arrivedAt) : '—'));
    }), takenBy(i).length ? takenBy(i).join('、') : t('incident.noResponders'));
}

/**
 * Take it, escalate or page the level again, assign a named volunteer, text the reporter or the family, a note,
 * resolve (an outcome is required), cancel (a false alarm). What cannot be undone asks first, in the page.
 */
function actionForms(i, reload, member) {
  var box = h('div', { class: 'card', id: 'actionsCard' });
  var path = '/v1/incidents/' + encodeURIComponent(i.id) + '/';
  function act(action, body, form, button) {
    if (button) button.disabled = true;
    return api('POST', path + action, body || {}).then(function () {
      toast(t('action.done.' + action, { code: i.code }));
      if (form) { form.reset(); showErrors(form, null); }
      return reload();
    }).catch(function (e) { if (form) showErrors(form, e); else failed(e); })
      .then(function () { if (button) button.disabled = false; });
  }
  function asked(opts, then) {
    return confirmDialog(opts).then(function (yes) { if (yes) then(); });
  }
  var ack = i.status === 'open' ? h('button', { type: 'button', class: 'primary', id: 'ackBtn', onclick: function () {
    act('acknowledge', null, null, ack);
  } }, t('action.acknowledge')) : null;
  var escalate = h('button', { type: 'button', id: 'escalateBtn', onclick: function () {
    asked({ title: t('action.escalate'), text: t('action.escalateConfirm', { level: levelName(i.level + 1) }), confirm: t('action.escalate') },
      function () { act('escalate', null, null, escalate); });
  } }, t('action.escalate'));
  var repage = h('button', { type: 'button', id: 'repageBtn', onclick: function () {
    asked({ title: t('action.repage'), text: t('action.repageConfirm', { level: levelName(i.level) }), confirm: t('action.repage') },
      function () { act('repage', null, null, repage); });
  } }, t('action.repage'));

  // a death in the family alerts no volunteer: nothing to escalate, page again or hand to one
  var alerting = i.type !== 'bereavement';
  add(box, h('h2', null, t('incident.actions')),
    h('div', { class: 'actions' }, ack, alerting ? escalate : null, alerting ? repage : null),
    alerting ? h('details', { id: 'assignDetails' }, h('summary', null, i.responders.length ? t('action.reassign') : t('action.assign')), assignForm(i, act)) : null,
    h('details', { id: 'messageDetails' }, h('summary', null, t('action.message')), messageForm(i, member, act)),
    h('details', null, h('summary', null, t('action.note')), noteForm(act)),
    h('details', { id: 'resolveDetails' }, h('summary', null, t('action.resolve')), resolveForm(act)),
    h('details', null, h('summary', null, t('action.cancel')), cancelForm(act, asked)));
  return box;
}

function formWith(fields, submit) {
  return h('form', { novalidate: true }, h('div', { class: 'form-errors', tabindex: '-1' }), fields, h('div', { class: 'actions' }, submit));
}

function noteForm(act) {
  var noteText = h('textarea', { maxlength: 2000, id: 'noteText' });
  var submit = h('button', { type: 'submit' }, t('action.note'));
  var note = formWith(field(t('action.noteLabel'), noteText, { name: 'text', wide: true }), submit);
  note.addEventListener('submit', function (ev) { ev.preventDefault(); act('notes', { text: noteText.value }, note, submit); });
  return note;
}

function resolveForm(act) {
  var outcome = input({ id: 'resolveOutcome', maxlength: 200, required: true, 'aria-required': 'true' });
  var notes = h('textarea', { maxlength: 2000 });
  var submit = h('button', { type: 'submit', class: 'primary', id: 'resolveBtn' }, t('action.resolve'));
  var resolve = formWith(h('div', { class: 'grid' }, field(t('action.outcome'), outcome, { name: 'outcome', hint: t('common.required') }),
    field(t('action.notes'), notes, { name: 'notes', wide: true })), submit);
  resolve.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!outcome.value.trim()) {
      showErrors(resolve, { message: t('action.outcomeNeeded'), fields: { outcome: t('common.requiredField') } });
      outcome.focus();
      return;
    }
    act('resolve', { outcome: outcome.value, notes: notes.value }, resolve, submit);
  });
  return resolve;
}

function cancelForm(act, asked) {
  var reason = input({ maxlength: 200, id: 'cancelReason' });
  var submit = h('button', { type: 'submit', class: 'danger', id: 'cancelBtn' }, t('action.cancel'));
  var cancel = formWith([h('p', { class: 'muted small' }, t('action.cancelHelp')), field(t('action.reason'), reason, { name: 'reason' })], submit);
  cancel.addEventListener('submit', function (ev) {
    ev.preventDefault();
    asked({ title: t('action.cancel'), text: t('action.cancelConfirm'), confirm: t('action.cancelYes'), danger: true },
      function () { act('cancel', { reason: reason.value }, cancel, submit); });
  });
  return cancel;
}

/** A named volunteer the officer reached by phone takes it (the one who had it, if any, is stood down). */
function assignForm(i, act) {
  var who = select([['', t('common.loading')]], '', { id: 'assignVolunteer' });
  var submit = h('button', { type: 'submit', class: 'primary', id: 'assignBtn' }, i.responders.length ? t('action.reassign') : t('action.assign'));
  var form = formWith([h('p', { class: 'muted small' }, t('action.assignHelp')), field(t('action.volunteer'), who, { name: 'volunteerId' })], submit);
  api('GET', '/v1/volunteers?sort=name&limit=200&onDuty=true').then(function (p) {
    var taken = i.responders.map(function (r) { return r.recipientId; });
    var options = [['', t('common.choose')]].concat(p.items.filter(function (v) { return taken.indexOf(v.id) < 0; }).map(function (v) {
      return [v.id, v.name + '（' + [v.area && v.area.city, v.area && v.area.district].filter(Boolean).join(' ') + '）'];
    }));
    var fresh = select(options, '', { id: 'assignVolunteer', 'data-field': 'volunteerId', 'aria-describedby': who.getAttribute('aria-describedby') });
    who.replaceWith(fresh);
    who = fresh;
  }).catch(failed);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); act('assign', { volunteerId: who.value }, form, submit); });
  return form;
}

/** An SMS to the reporter, the member or a family contact; their answer comes back onto the timeline. */
function messageForm(i, member, act) {
  var options = [];
  if (i.reporter && i.reporter.phone) options.push([i.reporter.phone, t('action.toReporter', { name: i.reporter.name || i.reporter.phone })]);
  if (member) {
    if (!i.reporter || member.phone !== i.reporter.phone) options.push([member.phone, t('action.toMember', { name: member.name })]);
    (member.familyContacts || []).forEach(function (c) {
      if (!i.reporter || c.phone !== i.reporter.phone) options.push([c.phone, t('action.toFamily', { name: c.name, relation: c.relation || '' })]);
    });
  }
  var to = select(options, options.length ? options[0][0] : '', { id: 'messageTo' });
  var text = h('textarea', { maxlength: 60, id: 'messageText' });
  var submit = h('button', { type: 'submit', class: 'primary', id: 'messageBtn' }, t('action.send'));
  var form = formWith([h('p', { class: 'muted small' }, t('action.messageHelp')),
    h('div', { class: 'grid' }, field(t('action.to'), to, { name: 'to' }), field(t('action.messageText'), text, { name: 'text', wide: true }))], submit);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); act('messages', { to: to.value, text: text.value }, form, submit); });
  return form;
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
