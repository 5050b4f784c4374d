/*
 * Care rounds (走访慰问): visits planned at once for a chosen audience — sick members, families in hardship, or the
 * summer safety check of members' homes — one follow-up per member, and how far each round has got.
 */
import { t, word, day } from '../lib/i18n.js';
import { add, clear, field, formShell, h, input, select, table } from '../lib/dom.js';
import { say, failed, showErrors } from '../lib/messages.js';
import { api, qs, submitOnce } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { membersPicker } from '../lib/picker.js';
import { pagedList } from '../lib/paging.js';
import { followUpTable } from './followups.js';
import { unitChoice } from './facets.js';

var KINDS = ['visit', 'safety-check', 'assistance'];
var AUDIENCES = ['members', 'unit', 'all-members'];

function progress(p) {
  var bar = h('progress', { max: Math.max(1, p.planned), value: p.done, 'aria-hidden': 'true' });
  return h('span', { class: 'round-progress' }, bar, ' ', t('rounds.progress', p));
}

export function roundsView(view) {
  var holder = h('div', { id: 'roundList' });
  var panel = h('div', { id: 'roundPanel' });
  var list = pagedList(function (cursor) {
    return api('GET', '/v1/care-rounds' + qs({ limit: 50, cursor: cursor }));
  }, function (items) {
    clear(holder).appendChild(table(null, [t('rounds.colTitle'), t('rounds.kind'), t('rounds.due'), t('rounds.owner'),
      t('rounds.colProgress')], items.map(function (r) {
      return h('tr', { 'data-round': r.id }, h('td', null, h('a', { href: '#/round/' + encodeURIComponent(r.id) }, r.title)),
        h('td', null, word('followup', r.kind)), h('td', null, day(r.dueDate)), h('td', null, r.owner || ''),
        h('td', null, progress(r.progress)));
    }), t('rounds.empty')));
  }, failed);
  add(view, h('h1', null, t('rounds.title')), h('p', { class: 'muted small' }, t('rounds.help')),
    canOperate() ? h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', id: 'roundNew', onclick: function () {
      clear(panel).appendChild(roundForm());
    } }, t('rounds.new'))) : null, panel, holder, list.more);
  list.load(true);
}

function roundForm() {
  var form = formShell(t('rounds.new'), 'roundForm');
  var title = input({ id: 'roundTitle', maxlength: 60 });
  var kind = select(KINDS.map(function (k) { return [k, word('followup', k)]; }), 'visit', { id: 'roundKind' });
  var audience = select(AUDIENCES.map(function (a) { return [a, t('rounds.audience.' + a)]; }), 'members', { id: 'roundAudience' });
  var unit = unitChoice('', 'roundUnit');
  var members = membersPicker({ id: 'roundMembers' });
  var due = input({ type: 'date', id: 'roundDue' });
  var owner = input({ id: 'roundOwner', maxlength: 50 });
  var notes = h('textarea', { id: 'roundNotes', rows: 2, maxlength: 2000 });
  var save = h('button', { type: 'submit', class: 'primary', id: 'roundSave' }, t('rounds.create'));
  var unitField = field(t('rounds.unit'), unit, { name: 'audience.unit' });
  var membersField = field(t('rounds.members'), members.input, { name: 'audience.memberIds', hint: t('rounds.membersHint'),
    wide: true, control: members.el });
  function showAudience() {
    unitField.hidden = audience.value !== 'unit';
    membersField.hidden = audience.value !== 'members';
  }
  audience.addEventListener('change', showAudience);
  add(form, h('div', { class: 'grid' },
    field(t('rounds.titleField'), title, { name: 'title' }), field(t('rounds.kind'), kind, { name: 'kind' }),
    field(t('rounds.audience'), audience, { name: 'audience.kind' }), unitField, membersField,
    field(t('rounds.due'), due, { name: 'dueDate' }), field(t('rounds.owner'), owner, { name: 'owner', hint: t('common.optional') }),
    field(t('rounds.notes'), notes, { name: 'notes', wide: true })),
    h('div', { class: 'actions' }, save,
      h('button', { type: 'button', onclick: function () { form.remove(); } }, t('common.close'))));
  showAudience();
  // an impatient click or a retry after a lost answer plans the round once
  submitOnce(form, save, {
    send: function (key) {
      var chosen = members.values();
      var body = {
        title: title.value, kind: kind.value, dueDate: due.value || null, owner: owner.value || null, notes: notes.value || null,
        audience: { kind: audience.value, unit: audience.value === 'unit' ? unit.value : null, memberIds: audience.value === 'members' ? chosen : null }
      };
      return api('POST', '/v1/care-rounds', body, { idempotencyKey: key });
    },
    done: function (r) {
      say(t('rounds.created', { title: r.title, n: r.progress.planned }));
      location.hash = '#/round/' + encodeURIComponent(r.id);
    },
    failed: function (e) { showErrors(form, e); }
  });
  return form;
}

export function roundView(view, id) {
  var title = h('h1', null, t('rounds.title'));
  var facts = h('div');
  var holder = h('div', { id: 'roundFollowUps' });
  add(view, h('p', null, h('a', { href: '#/rounds' }, '← ' + t('rounds.back'))), title, facts, holder);
  function load() {
    return api('GET', '/v1/care-rounds/' + encodeURIComponent(id)).then(function (r) {
      clear(title).appendChild(document.createTextNode(r.title));
      var missing = r.progress.planned - r.progress.listed;
      clear(facts).appendChild(h('div', { class: 'card' }, h('dl', { class: 'facts' },
        h('dt', null, t('rounds.kind')), h('dd', null, word('followup', r.kind)),
        h('dt', null, t('rounds.audience')), h('dd', null, t('rounds.audience.' + r.audience.kind) + (r.audience.unit ? '：' + r.audience.unit : '')),
        h('dt', null, t('rounds.due')), h('dd', null, day(r.dueDate)),
        h('dt', null, t('rounds.owner')), h('dd', null, r.owner || '—'),
        h('dt', null, t('rounds.notes')), h('dd', null, r.notes || '—'),
        h('dt', null, t('rounds.colProgress')), h('dd', { id: 'roundProgress' }, progress(r.progress))),
        missing > 0 && canOperate() ? h('p', null, t('rounds.missing', { n: missing }), ' ',
          h('button', { type: 'button', onclick: function () {
            api('POST', '/v1/care-rounds/' + encodeURIComponent(id) + '/fill').then(load).catch(failed);
          } }, t('rounds.fill'))) : null));
      clear(holder).appendChild(followUpTable(r.followUps, false, load));
    }).catch(failed);
  }
  load();
}
