/* Every member, for names on the board and the pickers: one union is a few hundred people. */
import { api, qs } from './api.js';
import { t } from './i18n.js';
import { select } from './dom.js';

var members = {};

export function loadMembers() {
  var all = {};
  function page(cursor) {
    return api('GET', '/v1/members' + qs({ limit: 200, cursor: cursor })).then(function (p) {
      p.items.forEach(function (m) { all[m.id] = m; });
      return p.nextCursor ? page(p.nextCursor) : all;
    });
  }
  return page(null).then(function (m) { members = m; return m; });
}

/** The members loaded, by id. */
export function knownMembers() { return members; }
export function rememberMember(m) { members[m.id] = m; }
export function forgetMember(id) { delete members[id]; }

export function memberName(id) { return members[id] ? members[id].name : t('common.unknownMember'); }

/** A picker of every member, "name（city district）", in Chinese order. */
export function memberOptions(selected) {
  var list = Object.keys(members).map(function (id) { return members[id]; })
    .sort(function (a, b) { return a.name.localeCompare(b.name, 'zh-CN'); });
  return select([['', t('common.choose')]].concat(list.map(function (m) { return [m.id, m.name + '（' + (m.homeArea ? m.homeArea.city + ' ' + (m.homeArea.district || '') : '') + '）']; })), selected, {});
}
