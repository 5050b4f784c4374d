/*
 * Texts, wire words and times in the page's language: one dictionary per language (zh-CN first, the default),
 * the care screens' texts beside the rest.
 */
import zhCN from '../texts/zh-CN.js';
import en from '../texts/en.js';
import careZhCN from '../texts/care.zh-CN.js';
import careEn from '../texts/care.en.js';
import unionZhCN from '../texts/union.zh-CN.js';
import unionEn from '../texts/union.en.js';

var DICTS = { 'zh-CN': Object.assign({}, zhCN, careZhCN, unionZhCN), en: Object.assign({}, en, careEn, unionEn) };
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

export function locale() { return lang === 'zh-CN' ? 'zh-CN' : 'en-GB'; }

export function when(iso) {
  if (!iso) return '';
  var d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'medium' });
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
