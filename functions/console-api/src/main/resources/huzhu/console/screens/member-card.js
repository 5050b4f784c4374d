/*
 * A member's printable emergency card, kept by the family's phone: the personal emergency link that works now as a
 * QR code (drawn by the server as an SVG image) and as text, and the reminder to call 120. Opening or printing the
 * card changes nothing; a new link is a separate act, for admins, asked first in the page: the old link and every
 * card printed with it stop working, and the family get the new one by SMS.
 */
import { t } from '../lib/i18n.js';
import { $, add, clear, h } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { isAdmin } from '../lib/user.js';
import { failed } from '../lib/messages.js';
import { confirmDialog, toast } from '../lib/dialog.js';

/** {@code link}: {token, url, qrSvg} as GET or POST /v1/members/{id}/trigger-link answer. */
function card(m, link) {
  var qr = h('img', {
    class: 'qr', alt: t('card.qrLabel', { name: m.name }),
    src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(link.qrSvg)
  });
  return h('div', { class: 'qr-card' },
    h('h2', null, t('card.heading')),
    h('p', null, t('card.for', { name: m.name })),
    qr,
    h('p', null, t('card.scan')),
    h('p', { class: 'call120' }, t('card.call120')),
    h('p', { class: 'url' }, link.url));
}

/** The card panel: the member's current link, or why there is none to print and what an admin can do. */
export function cardPanel(m) {
  var body = h('div', { id: 'cardBody' }, h('p', { class: 'muted' }, t('common.loading')));
  var box = h('section', { class: 'card', id: 'cardPanel', 'aria-labelledby': 'cardTitle' },
    h('h2', { id: 'cardTitle' }, t('card.title', { name: m.name })), body);

  function show(link) {
    clear(body);
    add(body, h('p', { class: 'muted small' }, t('card.help')), card(m, link),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'printCard', onclick: function () {
          clear($('printArea')).appendChild(card(m, link));
          window.print();
        } }, t('card.print')),
        isAdmin() ? newLinkButton(false) : null,
        h('button', { type: 'button', onclick: function () { box.remove(); } }, t('common.close'))));
  }

  function without(why, first) {
    clear(body);
    add(body, h('p', { class: 'notice-warning', id: 'cardProblem' }, why),
      h('div', { class: 'actions' }, isAdmin() ? newLinkButton(first) : null,
        h('button', { type: 'button', onclick: function () { box.remove(); } }, t('common.close'))));
  }

  /** {@code first}: the member has no link yet, so none dies; else the old link and its cards stop working. */
  function newLinkButton(first) {
    var b = h('button', { type: 'button', class: first ? 'primary' : 'danger', id: 'newLinkBtn', onclick: function () {
      var families = (m.familyContacts || []).length;
      var texts = families ? t('card.newLinkTexts', { n: families }) : t('card.newLinkNoFamily');
      confirmDialog(first
        ? { title: t('card.firstLinkTitle', { name: m.name }), text: texts, confirm: t('card.firstLink') }
        : { title: t('card.newLinkTitle', { name: m.name }), text: t('card.newLinkConfirm', { name: m.name }) + ' ' + texts,
          confirm: t('card.newLinkYes'), danger: true }).then(function (yes) {
        if (!yes) return;
        b.disabled = true;
        api('POST', '/v1/members/' + encodeURIComponent(m.id) + '/trigger-link').then(function (link) {
          toast(link.introduced ? t('card.newLinkSent', { n: link.introduced }) : t('card.newLinkIssued'));
          show(link);
        }).catch(function (e) { b.disabled = false; failed(e); });
      });
    } }, first ? t('card.firstLink') : t('card.newLink'));
    return b;
  }

  api('GET', '/v1/members/' + encodeURIComponent(m.id) + '/trigger-link').then(show).catch(function (e) {
    if (e.status === 404) without(t('card.none'), true);
    else without(e.message, false);
  });
  return box;
}
