/*
 * The operation guide for assistance (《操作指南》) members and families read on their own page: the kinds of help,
 * the documents each needs, the steps. Officers keep it up to date here; until they do, the default is shown.
 */
import { t, word, when } from '../lib/i18n.js';
import { add, clear, field, formShell, h, input, select } from '../lib/dom.js';
import { say, failed, showSaveFailure } from '../lib/messages.js';
import { api, edit } from '../lib/api.js';
import { canOperate } from '../lib/user.js';

var KINDS = ['hardship', 'medical', 'bereavement', 'education', 'disaster', 'other'];

function lines(text) { return text.split('\n').map(function (l) { return l.trim(); }).filter(Boolean); }

export function guideView(view) {
  var holder = h('div', { id: 'guideHolder' });
  add(view, h('h1', null, t('guide.title')), h('p', { class: 'muted small' }, t('guide.help')), holder);
  api('GET', '/v1/assistance-guide').then(function (g) { clear(holder).appendChild(guideForm(g)); }).catch(failed);
}

function kindCard(k, kinds) {
  var kind = select(KINDS.map(function (x) { return [x, word('akind', x)]; }), k.kind, { 'data-part': 'kind' });
  var title = input({ maxlength: 30, value: k.title || '', 'data-part': 'title' });
  var description = h('textarea', { rows: 2, maxlength: 300, 'data-part': 'description' });
  description.value = k.description || '';
  var documents = h('textarea', { rows: 4, 'data-part': 'documents' });
  documents.value = (k.documents || []).join('\n');
  var amount = input({ type: 'number', min: 0.01, step: '0.01', inputmode: 'decimal', 'data-part': 'standardAmount',
    value: k.standardAmount == null ? '' : k.standardAmount });
  var card = h('fieldset', { class: 'card guide-kind' }, h('legend', null, t('guide.kind')),
    h('div', { class: 'grid' }, field(t('guide.kind'), kind), field(t('guide.kindTitle'), title),
      field(t('guide.standardAmount'), amount, { hint: t('common.optional') }),
      field(t('guide.description'), description, { wide: true }),
      field(t('guide.documents'), documents, { wide: true, hint: t('guide.documentsHint') })),
    canOperate() ? h('button', { type: 'button', class: 'link', onclick: function () { card.remove(); } }, t('guide.removeKind')) : null);
  kinds.appendChild(card);
}

function guideForm(g) {
  var form = formShell(t('guide.title'), 'guideForm');
  var kinds = h('div', { id: 'guideKinds' });
  g.kinds.forEach(function (k) { kindCard(k, kinds); });
  var steps = h('textarea', { id: 'guideSteps', rows: 6 });
  steps.value = g.steps.join('\n');
  var note = h('textarea', { id: 'guideNote', rows: 2, maxlength: 500 });
  note.value = g.note || '';
  add(form, g.updatedBy ? h('p', { class: 'muted small' }, t('guide.updated', { by: g.updatedBy, at: when(g.updatedAt) })) : null,
    kinds,
    canOperate() ? h('p', null, h('button', { type: 'button', id: 'guideAddKind', onclick: function () {
      kindCard({ kind: 'other', documents: [] }, kinds);
    } }, t('guide.addKind'))) : null,
    h('div', { class: 'grid' }, field(t('guide.steps'), steps, { name: 'steps', wide: true, hint: t('guide.stepsHint') }),
      field(t('guide.note'), note, { name: 'note', wide: true })),
    canOperate() ? h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'guideSave' }, t('common.save'))) : null);
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = {
      kinds: Array.prototype.map.call(kinds.querySelectorAll('.guide-kind'), function (card) {
        function part(name) { return card.querySelector('[data-part="' + name + '"]').value; }
        var amount = part('standardAmount');
        return { kind: part('kind'), title: part('title'), description: part('description') || null,
          documents: lines(part('documents')), standardAmount: amount === '' ? null : Number(amount) };
      }),
      steps: lines(steps.value), note: note.value || null
    };
    edit('PUT', '/v1/assistance-guide', body, g).then(function (saved) {
      // the next save is based on this one
      form.replaceWith(guideForm(saved));
      say(t('guide.saved'));
    }).catch(function (e) { showSaveFailure(form, e, '/v1/assistance-guide', guideForm); });
  });
  return form;
}
