/*
 * A member's printable emergency card, kept by the family's phone: the personal emergency link as a QR code (drawn
 * by the server as an SVG image: POST /v1/members/{id}/trigger-link answers with qrSvg) and as text, and the
 * reminder to call 120.
 */
import { t } from '../lib/i18n.js';
import { $, clear, h } from '../lib/dom.js';

/** {@code link}: the answer of POST /v1/members/{id}/trigger-link ({token, url, qrSvg}). */
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

export function cardPanel(m, link) {
  var box = h('div', { class: 'card', id: 'cardPanel' }, h('h2', null, t('card.title', { name: m.name })),
    h('p', { class: 'muted small' }, t('card.help')), card(m, link),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'printCard', onclick: function () {
        var area = clear($('printArea'));
        area.appendChild(card(m, link));
        window.print();
      } }, t('card.print')),
      h('button', { type: 'button', onclick: function () { box.remove(); } }, t('common.close'))));
  return box;
}
