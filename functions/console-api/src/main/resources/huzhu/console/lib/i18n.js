/*
 * Texts, wire words and times in the page's language: one dictionary per language (zh-CN first, the default),
 * the care screens' and the officers' texts beside the rest.
 */
import zhCN from '../texts/zh-CN.js';
import en from '../texts/en.js';
import careZhCN from '../texts/care.zh-CN.js';
import careEn from '../texts/care.en.js';
import officersZhCN from '../texts/officers.zh-CN.js';
import officersEn from '../texts/officers.en.js';
import unionZhCN from '../texts/union.zh-CN.js';
import unionEn from '../texts/union.en.js';

var DICTS = { 'zh-CN': Object.assign({}, zhCN, careZhCN, officersZhCN, unionZhCN), en: Object.assign({}, en, careEn, officersEn, unionEn) };
var LANGS = ['zh-CN', 'en'];
var lang = LANGS.indexOf(localStorage.getItem('huzhu.lang')) >= 0 ? localStorage.getItem('huzhu.lang') : 'zh-CN';

export function language() { return lang; }

/** Chinese ⇄ English, remembered in this browser. */
export function switchLanguage() {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  localStorage.setItem('huzhu.lang', lang);
}

export function t(key, vars) {
  var text = (DICTS[lang] && DICTS[lang][key]) || (DICTS['zh-CN'] && DICTS['zh-CN'][key]) || key;
  if (vars) {
    text = text.replace(/\{(\w+)\}/g, function (m, name) { return vars[name] == null ? '' : String(vars[name]); });
  }
  return text;
}

/** A word the API answers with (a status, a type…) in the page's language; the word itself if none is known. */
export function word(group, value) {
  if (value == null || value === '') return '';
  var key = group + '.' + value;
  var text = t(key);
  return text === key ? String(value) : text;
}

/** What the server wrote for people in every language ({"zh-CN": …, "en": …}): the page's, else {@code fallback}. */
export function said(texts, fallback) {
  return texts && texts[lang] ? texts[lang] : fallback;
}

/** An escalation level as officers say it: the first round (the neighbours), then level 1, 2… (the leaders'). */
export function levelName(n) { return n === 0 ? t('level.first') : t('level.n', { n: n }); }

/** Where an incident stands in its policy; a death in the family alerts nobody, its leaders were told at once. */
export function incidentLevel(i) { return i.type === 'bereavement' ? t('level.bereavement') : levelName(i.level); }

/**
 * A field the API names by its path ("homeArea.city", "familyContacts[1].phone", "rows[3].phone"), as the form and
 * the spreadsheet's header call it ("城市", "家属2电话").
 */
export function fieldName(path) {
  var p = String(path).replace(/^rows\[\d+\]\./, '').replace(/^columns\./, '');
  var family = /^familyContacts\[(\d+)\]\.(\w+)$/.exec(p);
  if (family) return t('fieldName.family.' + family[2], { n: Number(family[1]) + 1 });
  var key = 'fieldName.' + p;
  var text = t(key);
  return text === key ? p : text;
}

export function locale() { return lang === 'zh-CN' ? 'zh-CN' : 'en-GB'; }

function sameDay(a, b) { return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate(); }

/**
 * A moment as people read it, never a bare "25-12": today's time alone ("今天 14:03:05"), this year's with month and
 * day ("12月25日 14:03"), older ones with the year ("2025年12月25日 14:03").
 */
export function when(iso) {
  if (!iso) return '';
  var d = new Date(iso);
  if (isNaN(d)) return iso;
  var now = new Date();
  var time = d.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: sameDay(d, now) ? '2-digit' : undefined, hour12: false });
  if (sameDay(d, now)) return t('time.today', { time: time });
  var date = d.toLocaleDateString(locale(), { year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric', month: lang === 'zh-CN' ? 'numeric' : 'short', day: 'numeric' });
  return date + ' ' + time;
}

/** A calendar date ("2026-12-01") as people read it: "2026年12月1日", "1 Dec 2026". */
export function day(isoDay) {
  if (!isoDay) return '';
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return isoDay;
  var d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.toLocaleDateString(locale(), { year: 'numeric', month: lang === 'zh-CN' ? 'numeric' : 'short', day: 'numeric' });
}

export function duration(seconds) {
  if (seconds == null) return '—';
  seconds = Math.max(0, Math.round(seconds));
  if (seconds < 60) return t('time.seconds', { s: seconds });
  var m = Math.floor(seconds / 60);
  if (m < 60) return t('time.minutes', { m: m, s: seconds % 60 });
  var h = Math.floor(m / 60);
  if (h < 48) return t('time.hours', { h: h, m: m % 60 });
  return t('time.days', { d: Math.floor(h / 24), h: h % 24 });
}

export function since(iso) { return duration((Date.now() - Date.parse(iso)) / 1000); }

/** A local date as a date input holds it: 2026-03-01. */
export function isoDate(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

/** The start of the day after {@code value} (a date input's "2026-03-01"), as the API's exclusive {@code to}. */
export function endOfDay(value) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).toISOString();
}
