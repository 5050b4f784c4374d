/* The escalation policy: the levels an unanswered incident goes through, edited by admins, read by everyone. */
import { t, levelName } from '../lib/i18n.js';
import { add, clear, field, h, input, numberOrNull, select } from '../lib/dom.js';
import { failed, showErrors, showSaveFailure } from '../lib/messages.js';
import { toast } from '../lib/dialog.js';
import { api, edit } from '../lib/api.js';
import { isAdmin } from '../lib/user.js';

export function policyView(view) {
  var holder = h('div');
  add(view, h('h1', null, t('policy.title')), h('p', { class: 'muted small' }, t('policy.help')), holder);
  api('GET', '/v1/escalation-policy').then(function (p) { holder.appendChild(policyForm(p)); }).catch(failed);
}

function policyForm(policy) {
  var form = h('form', { class: 'card', novalidate: true, id: 'policyForm' }, h('div', { class: 'form-errors', tabindex: '-1', role: 'alert' }));
  var list = h('div');
  var levels = policy.levels.map(function (l) { return Object.assign({}, l); });
  var readOnly = !isAdmin();
  function draw() {
    clear(list);
    levels.forEach(function (l, i) {
      var notify = select([['nearby-volunteers', t('policy.nearby')], ['leaders', t('policy.leaders')]], l.notify, {});
      var timeout = input({ type: 'number', min: 1, max: 86400, value: l.timeoutSeconds });
      var max = input({ type: 'number', min: 1, max: 50, value: l.maxRecipients });
      var leaderLevel = input({ type: 'number', min: 1, max: 10, value: l.leaderLevel });
      var repeat = input({ type: 'number', min: 0, max: 20, value: l.repeat });
      function sync() {
        l.notify = notify.value;
        l.timeoutSeconds = numberOrNull(timeout.value);
        l.maxRecipients = l.notify === 'nearby-volunteers' ? numberOrNull(max.value) : null;
        l.leaderLevel = l.notify === 'leaders' ? numberOrNull(leaderLevel.value) : null;
        l.repeat = i === levels.length - 1 ? numberOrNull(repeat.value) : null;
      }
      [notify, timeout, max, leaderLevel, repeat].forEach(function (el) { el.disabled = readOnly; el.addEventListener('change', function () { sync(); if (el === notify) draw(); }); });
      var p = 'levels[' + i + '].';
      list.appendChild(h('fieldset', null, h('legend', null, levelName(i)),
        h('div', { class: 'grid' },
          field(t('policy.notify'), notify, { name: p + 'notify' }),
          field(t('policy.timeout'), timeout, { name: p + 'timeoutSeconds', hint: t('policy.timeoutHint') }),
          l.notify === 'leaders' ? field(t('policy.leaderLevel'), leaderLevel, { name: p + 'leaderLevel' }) : field(t('policy.maxRecipients'), max, { name: p + 'maxRecipients' }),
          i === levels.length - 1 ? field(t('policy.repeat'), repeat, { name: p + 'repeat', hint: t('policy.repeatHint') }) : null)));
    });
  }
  draw();
  add(form, list);
  if (!readOnly) {
    add(form, h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: function () {
        var last = levels[levels.length - 1];
        levels.push({ level: levels.length, notify: 'leaders', leaderLevel: last && last.leaderLevel ? last.leaderLevel + 1 : 1, timeoutSeconds: 600, repeat: last ? last.repeat : null });
        if (last) last.repeat = null;
        draw();
      } }, t('policy.addLevel')),
      h('button', { type: 'button', onclick: function () {
        if (levels.length <= 1) return;
        var removed = levels.pop();
        levels[levels.length - 1].repeat = removed.repeat;
        draw();
      } }, t('policy.removeLevel')),
      h('button', { type: 'submit', class: 'primary', id: 'policySave' }, t('common.save'))));
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = { levels: levels.map(function (l, i) {
      var out = { level: i, notify: l.notify, timeoutSeconds: l.timeoutSeconds };
      if (l.notify === 'leaders') out.leaderLevel = l.leaderLevel; else out.maxRecipients = l.maxRecipients;
      if (i === levels.length - 1 && l.repeat != null) out.repeat = l.repeat;
      return out;
    }) };
    edit('PUT', '/v1/escalation-policy', body, policy).then(function (saved) {
      // the next save is based on this one
      var next = policyForm(saved);
      form.replaceWith(next);
      showErrors(next, null);
      toast(t('policy.saved'));
    }).catch(function (e) { showSaveFailure(form, e, '/v1/escalation-policy', policyForm); });
  });
  return form;
}
