/*
 * The union's work group and leaders' group as the local stack's robots received them (local stack only), beside
 * the SMS simulator: the group sees a code and a district, never a person.
 */
import { t, when } from '../lib/i18n.js';
import { clear, h } from '../lib/dom.js';
import { local } from '../lib/api.js';
import { every } from '../lib/timers.js';

export function workGroupPanel() {
  var log = h('div', { class: 'sms-log', id: 'groupPosts', 'aria-live': 'polite' });
  var panel = h('section', { class: 'card', 'aria-labelledby': 'groupTitle' },
    h('h2', { id: 'groupTitle' }, t('group.title')), h('p', { class: 'muted small' }, t('group.help')), log);
  function refresh() {
    return local('GET', '/local/group/posts').then(function (r) {
      var items = r.items.slice().reverse();
      clear(log);
      if (!items.length) log.appendChild(h('p', { class: 'empty' }, t('group.none')));
      items.forEach(function (p) {
        log.appendChild(h('div', { class: 'bubble group-post', 'data-robot': p.robot },
          h('div', { class: 'meta' }, when(p.postedAt) + ' · ' + t('group.' + p.robot)),
          p.title ? h('strong', null, p.title) : null, p.title ? h('br') : null, p.text));
      });
    }).catch(function () {});
  }
  refresh();
  every(3000, refresh);
  return panel;
}
