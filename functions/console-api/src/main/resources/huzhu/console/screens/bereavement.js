/*
 * A death in a member's family (白事): recorded here (or by the family's SMS), no volunteer alerted, both levels of
 * union leaders texted at once, and the checklist opened with its owners and due dates.
 */
import { t, word, day } from '../lib/i18n.js';
import { add, clear, field, formShell, h, input, table } from '../lib/dom.js';
import { showErrors } from '../lib/messages.js';
import { api, submitOnce } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { memberName } from '../lib/members.js';
import { memberPicker } from '../lib/picker.js';
import { toast } from '../lib/dialog.js';

export function bereavementView(view) {
  var result = h('div', { id: 'bereavementResult' });
  add(view, h('h1', null, t('bereavement.title')), h('p', { class: 'muted small' }, t('bereavement.help')),
    canOperate() ? bereavementForm(result) : null, result);
}

function bereavementForm(result) {
  var form = formShell(t('bereavement.title'), 'bereavementForm');
  var member = memberPicker({ id: 'brMember' });
  var relation = input({ id: 'brRelation', maxlength: 20 });
  var deceased = input({ id: 'brDeceased', maxlength: 50 });
  var message = h('textarea', { id: 'brMessage', rows: 2, maxlength: 500 });
  var arrangements = input({ id: 'brArrangementsOwner', maxlength: 50 });
  var visit = input({ id: 'brVisitOwner', maxlength: 50 });
  var payment = input({ id: 'brPaymentOwner', maxlength: 50 });
  var amount = input({ type: 'number', min: 0.01, step: '0.01', inputmode: 'decimal', id: 'brAmount' });
  var save = h('button', { type: 'submit', class: 'primary', id: 'brSave' }, t('bereavement.record'));
  // the guide's standard condolence payment, as the union set it
  var standard = null;
  api('GET', '/v1/assistance-guide').then(function (g) {
    var k = g.kinds.filter(function (x) { return x.kind === 'bereavement'; })[0];
    if (k && k.standardAmount != null) standard = k.standardAmount;
    if (standard != null && amount.value === '') amount.value = standard;
  }).catch(function () {});
  add(form, h('div', { class: 'grid' },
    field(t('bereavement.member'), member.input, { name: 'memberId', control: member.el }),
    field(t('bereavement.relation'), relation, { name: 'relation', hint: t('bereavement.relationHint') }),
    field(t('bereavement.deceased'), deceased, { name: 'deceasedName', hint: t('common.optional') }),
    field(t('bereavement.amount'), amount, { name: 'condolenceAmount', hint: t('bereavement.amountHint') }),
    field(t('bereavement.arrangementsOwner'), arrangements, { name: 'arrangementsOwner', hint: t('bereavement.ownerHint') }),
    field(t('bereavement.visitOwner'), visit, { name: 'visitOwner', hint: t('bereavement.ownerHint') }),
    field(t('bereavement.paymentOwner'), payment, { name: 'paymentOwner', hint: t('bereavement.ownerHint') }),
    field(t('bereavement.message'), message, { name: 'message', wide: true })),
    h('div', { class: 'actions' }, save));
  // the leaders are texted once, however often the button is pressed
  submitOnce(form, save, {
    send: function (key) {
      return api('POST', '/v1/bereavements', {
        memberId: member.value(), relation: relation.value || null, deceasedName: deceased.value || null,
        message: message.value || null, arrangementsOwner: arrangements.value || null, visitOwner: visit.value || null,
        paymentOwner: payment.value || null, condolenceAmount: amount.value === '' ? null : Number(amount.value)
      }, { idempotencyKey: key });
    },
    done: function (r) {
      showErrors(form, null);
      toast(t('bereavement.recorded', { code: r.incident.code }));
      drawRecorded(result, r);
      // recorded: the form starts again empty, so a second click cannot record the same death twice
      form.reset();
      member.set('');
      if (standard != null) amount.value = standard;
    },
    failed: function (e) { showErrors(form, e); }
  });
  return form;
}

function drawRecorded(el, r) {
  clear(el);
  add(el, h('div', { class: 'card', id: 'bereavementRecorded' },
    h('h2', null, t('bereavement.recorded', { code: r.incident.code })),
    h('p', null, memberName(r.incident.memberId), ' · ',
      h('a', { href: '#/incident/' + encodeURIComponent(r.incident.id) }, t('bereavement.openIncident')),
      r.application ? [' · ', h('a', { href: '#/application/' + encodeURIComponent(r.application.id) },
        t('bereavement.openApplication'))] : null),
    h('h3', null, t('bereavement.checklist')),
    checklist(r.checklist)));
}

/** A death's (or any incident's) checklist: what, who, by when, done or not. */
export function checklist(items) {
  return table(null, [t('col.task'), t('col.owner'), t('col.due'), t('col.status')], items.map(function (f) {
    return h('tr', { 'data-followup': f.id }, h('td', null, f.task || word('followup', f.kind)), h('td', null, f.owner || ''),
      h('td', null, f.dueDate ? day(f.dueDate) : '—'), h('td', null, word('fstatus', f.status)));
  }));
}
