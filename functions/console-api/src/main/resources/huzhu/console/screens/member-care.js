/* On a member's record: each family contact's introduction (and sending it), and the member's applications. */
import { t, word, when } from '../lib/i18n.js';
import { add, clear, h, table, tel } from '../lib/dom.js';
import { failed } from '../lib/messages.js';
import { confirmDialog, toast } from '../lib/dialog.js';
import { api, qs } from '../lib/api.js';
import { canOperate, isAdmin } from '../lib/user.js';
import { applicationTable } from './applications.js';

/** Each family contact's introduction, the actions that send it, and the member's applications. */
export function memberCarePanel(m) {
  var box = h('section', { class: 'card', id: 'memberCare', 'aria-labelledby': 'memberCareTitle' },
    h('h2', { id: 'memberCareTitle' }, t('intro.title', { name: m.name })));
  var intros = h('div', { id: 'introductions' });
  var apps = h('div', { id: 'memberApplications' });
  add(box, h('p', { class: 'muted small' }, t('intro.memberHelp')), intros, h('h3', null, t('apps.ofMember')), apps);
  function drawIntros(list) {
    var byPhone = {};
    (list || []).forEach(function (i) { byPhone[i.phone] = i; });
    clear(intros).appendChild(table(null, [t('col.name'), t('col.phone'), t('col.status'), t('col.when'), t('intro.link')],
      m.familyContacts.map(function (c) {
        var i = byPhone[c.phone];
        return h('tr', null, h('td', null, c.name + (c.relation ? '（' + c.relation + '）' : '')), h('td', null, tel(c.phone)),
          h('td', null, i ? word('istatus', i.status) + (i.failureReason ? ' — ' + i.failureReason : '') : t('intro.never')),
          h('td', null, i ? when(i.sentAt || i.requestedAt) : ''),
          h('td', null, i ? (i.linkIncluded ? t('intro.linkSent') : t('intro.linkNotSent')) : ''));
      }), t('intro.noContacts')));
    if (!canOperate() || !m.familyContacts.length) return;
    intros.appendChild(h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'introduceBtn', onclick: function () { introduce(false); } }, t('intro.send')),
      isAdmin() ? h('button', { type: 'button', id: 'introduceRotateBtn', class: 'danger', onclick: function () {
        confirmDialog({ title: t('intro.sendRotate'), text: t('intro.rotateConfirm', { name: m.name }), confirm: t('card.newLinkYes'), danger: true })
          .then(function (yes) { if (yes) introduce(true); });
      } }, t('intro.sendRotate')) : null));
  }
  function introduce(rotate) {
    api('POST', '/v1/members/' + encodeURIComponent(m.id) + '/introductions', { rotateLink: rotate }).then(function (p) {
      toast(t('intro.sent', { n: p.items.filter(function (i) { return i.status === 'sent'; }).length }));
      drawIntros(p.items);
    }).catch(failed);
  }
  drawIntros(m.introductions);
  api('GET', '/v1/applications' + qs({ memberId: m.id })).then(function (p) {
    clear(apps).appendChild(applicationTable(p.items));
    if (canOperate()) {
      apps.appendChild(h('div', { class: 'actions' }, h('a', { href: '#/applications/' + encodeURIComponent(m.id), class: 'button' },
        t('apps.newForMember'))));
    }
  }).catch(failed);
  return box;
}
