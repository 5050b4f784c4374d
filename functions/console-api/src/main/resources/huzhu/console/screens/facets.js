/* The members' units and districts (GET /v1/members/facets), as the choices of a table's filters and of a notice's audience. */
import { t } from '../lib/i18n.js';
import { clear, h, select } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { failed } from '../lib/messages.js';

/** The facets as they are now (the answer is small, and unchanged it comes back as a 304). */
export function facets() {
  return api('GET', '/v1/members/facets');
}

function refill(sel, options) {
  var keep = sel.value;
  clear(sel);
  options.forEach(function (o) { sel.appendChild(h('option', { value: o[0], selected: o[0] === keep ? true : null }, o[1])); });
}

/** Fills a unit filter ("炼钢厂（20 人）") and a district filter ("唐山市 路北区"); either may be null. */
export function fillFacets(unit, district, withCounts) {
  return facets().then(function (f) {
    if (unit) refill(unit, [['', t('dir.anyUnit')]].concat(f.units.map(function (u) { return [u.name, t('dir.unitCount', { name: u.name, n: u.members })]; })));
    if (district) refill(district, [['', t('dir.anyDistrict')]].concat(f.areas.map(function (a) {
      return [a.city + '|' + (a.district || ''), [a.city, a.district].filter(Boolean).join(' ') + (withCounts ? '（' + a.members + '）' : '')];
    })));
    return f;
  }).catch(failed);
}

/**
 * A unit chosen from the members' real units, with how many members each has (a typed "炼钢" reached nobody;
 * "炼钢厂" is the unit). {@code current}: the unit already chosen, kept even when no member is in it any more.
 */
export function unitChoice(current, id) {
  var unit = select([['', t('common.loading')]], current || '', { id: id });
  facets().then(function (f) {
    clear(unit);
    unit.appendChild(h('option', { value: '' }, t('common.choose')));
    var names = f.units.map(function (u) { return u.name; });
    if (current && names.indexOf(current) < 0) unit.appendChild(h('option', { value: current, selected: true }, t('notices.unitGone', { name: current })));
    f.units.forEach(function (u) {
      unit.appendChild(h('option', { value: u.name, selected: u.name === current ? true : null }, t('dir.unitCount', { name: u.name, n: u.members })));
    });
  }).catch(failed);
  return unit;
}
