/* The audit log (admins only): who changed or viewed what, by time. */
import { t, word, when } from '../lib/i18n.js';
import { add, clear, field, h, input, table } from '../lib/dom.js';
import { showErrors } from '../lib/messages.js';
import { api, qs } from '../lib/api.js';
import { pagedList } from '../lib/paging.js';

export function auditView(view) {
  var from = input({ type: 'datetime-local', id: 'auditFrom' });
  var to = input({ type: 'datetime-local', id: 'auditTo' });
  var holder = h('div');
  var form = h('form', { class: 'toolbar' }, h('div', { class: 'form-errors', tabindex: '-1' }), field(t('filter.from'), from), field(t('filter.until'), to), h('button', { type: 'submit' }, t('common.filter')));
  var list = pagedList(function (cursor) {
    var q = { limit: 100, cursor: cursor };
    if (from.value) q.from = new Date(from.value).toISOString();
    if (to.value) q.to = new Date(to.value).toISOString();
    return api('GET', '/v1/audit' + qs(q));
  }, function (items) {
    clear(holder).appendChild(table(null, [t('col.when'), t('col.who'), t('col.action'), t('col.target'), t('col.fields')],
      items.map(function (e) {
        var target = word('target', e.targetKind) + (e.targetLabel ? ' ' + e.targetLabel : '');
        var link = e.targetKind === 'incident' && e.targetId ? h('a', { href: '#/incident/' + encodeURIComponent(e.targetId) }, target) : target;
        return h('tr', null, h('td', null, when(e.at)), h('td', null, e.actorName === 'system' ? t('audit.system') : e.actorName),
          h('td', null, word('did', e.action), e.count != null ? ' ' + t('audit.records', { n: e.count }) : ''), h('td', null, link),
          h('td', null, (e.fields || []).map(function (f) { return word('field', f); }).join('、')));
      })));
  }, function (e) { showErrors(form, e); });
  add(view, h('h1', null, t('audit.title')), h('p', { class: 'muted small' }, t('audit.help')), form, holder, list.more);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); list.load(true); });
  list.load(true);
}
