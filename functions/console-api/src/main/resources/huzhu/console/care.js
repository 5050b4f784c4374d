/*
 * The console's screens for the time around the emergencies (issue 9): notices (compose, audience, schedule,
 * progress, replies), assistance applications (list, steps, transitions, a printable form), and on a member's
 * record the family introductions and the member's applications. Built on app.js's helpers
 * (window.HUZHU_CONSOLE), in the same way: DOM calls only, texts from the dictionaries, Chinese first.
 */
(function () {
  'use strict';

  var C = window.HUZHU_CONSOLE;
  if (!C) return;
  var t = C.t, word = C.word, when = C.when, h = C.h, add = C.add, clear = C.clear, field = C.field;
  var input = C.input, select = C.select, table = C.table, api = C.api, qs = C.qs, say = C.say, failed = C.failed;
  var showErrors = C.showErrors;

  var AUDIENCES = ['all-members', 'unit', 'volunteers', 'leaders', 'family-contacts'];
  var KINDS = ['hardship', 'medical', 'bereavement', 'education', 'disaster', 'other'];
  var STEPS = ['submitted', 'reviewed', 'approved', 'rejected', 'paid'];

  function money(v) { return v == null ? '—' : '¥' + Number(v).toLocaleString(C.locale(), { maximumFractionDigits: 2 }); }
  function nbadge(status) { return h('span', { class: 'badge n-' + status }, word('nstatus', status)); }
  function abadge(status) { return h('span', { class: 'badge a-' + status }, word('astatus', status)); }
  function audience(a) { return a ? word('audience', a.kind) + (a.unit ? '：' + a.unit : '') : ''; }
  function go(hash) { location.hash = hash; }

  /** "sent 120 · failed 2 · pending 178 / 300", with a meter. */
  function progress(p) {
    if (!p || !p.recipients) return h('span', { class: 'muted' }, '—');
    return h('span', { class: 'progress' },
      h('meter', { min: 0, max: p.recipients, value: p.sent + p.failed, 'aria-label': t('notices.progress') }), ' ',
      t('notices.progressText', { sent: p.sent, failed: p.failed, pending: p.pending + p.sending, total: p.recipients }));
  }

  // ================================================================== notices

  function noticesView(view) {
    var holder = h('div', { id: 'noticeList' });
    var panel = h('div', { id: 'noticePanel' });
    var more = h('button', { type: 'button', hidden: true }, t('common.more'));
    var families = h('div', { id: 'familyReach' });
    var items = [];
    var cursor = null;
    add(view, h('h1', null, t('notices.title')), h('p', { class: 'muted small' }, t('notices.help')),
      C.canOperate() ? h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'primary', id: 'noticeNew', onclick: function () {
          clear(panel).appendChild(noticeForm(null));
          panel.querySelector('input').focus();
        } }, t('notices.new'))) : null,
      panel, holder, h('div', { class: 'actions' }, more), families);

    function load(reset) {
      if (reset) { items = []; cursor = null; }
      api('GET', '/v1/notices' + qs({ limit: 50, cursor: cursor })).then(function (p) {
        items = items.concat(p.items);
        cursor = p.nextCursor;
        more.hidden = !cursor;
        clear(holder).appendChild(table(null,
          [t('notices.colTitle'), t('col.audience'), t('col.status'), t('col.when'), t('col.progress'), t('col.by')],
          items.map(function (n) {
            return h('tr', { 'data-notice': n.id },
              h('td', null, h('a', { href: '#/notice/' + encodeURIComponent(n.id) }, n.title)),
              h('td', null, audience(n.audience)), h('td', null, nbadge(n.status)),
              h('td', null, when(n.completedAt || n.sendStartedAt || n.scheduledAt || n.createdAt)),
              h('td', null, progress(n.progress)), h('td', null, n.createdBy || ''));
          }), t('notices.empty')));
      }).catch(failed);
    }
    more.addEventListener('click', function () { load(false); });
    load(true);
    C.every(5000, function () { if (items.some(function (n) { return n.status === 'sending'; })) load(true); });
    familyReachCard(families);
  }

  /** How many families heard from the union, and the button that introduces the rest. */
  function familyReachCard(el) {
    api('GET', '/v1/reports/coverage').then(function (c) {
      var r = c.familyReach;
      var box = h('section', { class: 'card', 'aria-labelledby': 'reachTitle' },
        h('h2', { id: 'reachTitle' }, t('intro.reachTitle')),
        h('p', null, t('intro.reach', { reached: r.familiesReached, families: r.families, contacts: r.contactsReached,
          allContacts: r.contacts, pending: r.pending, failed: r.failed })),
        h('p', { class: 'muted small' }, t('intro.help')));
      if (r.familiesNotReached.length) {
        add(box, h('details', null, h('summary', null, t('intro.notReached', { n: r.familiesNotReached.length })),
          h('ul', null, r.familiesNotReached.map(function (g) { return h('li', null, g.name); }))));
      }
      if (C.canOperate()) {
        add(box, h('div', { class: 'actions' }, h('button', { type: 'button', id: 'introduceAll', onclick: function (ev) {
          if (!confirm(t('intro.allConfirm'))) return;
          ev.target.disabled = true;
          api('POST', '/v1/members/introductions', {}).then(function (res) {
            say(t('intro.allQueued', { queued: res.queued, sent: res.sentNow.sent }));
            clear(el);
            familyReachCard(el);
          }).catch(function (e) { ev.target.disabled = false; failed(e); });
        } }, t('intro.all'))));
      }
      clear(el).appendChild(box);
    }).catch(failed);
  }

  /** Compose or edit: title, text, audience, when; the SMS preview says what recipients will read. */
  function noticeForm(n) {
    var form = C.formShell(n ? t('notices.edit') : t('notices.new'), 'noticeForm');
    var title = input({ id: 'noticeTitle', maxlength: 60, value: n ? n.title : '' });
    var text = h('textarea', { id: 'noticeText', rows: 6, maxlength: 2000 });
    text.value = n ? n.text : '';
    var kind = select(AUDIENCES.map(function (a) { return [a, word('audience', a)]; }), n ? n.audience.kind : 'all-members',
      { id: 'noticeAudience' });
    var unit = input({ id: 'noticeUnit', value: n && n.audience.unit ? n.audience.unit : '' });
    var unitField = field(t('notices.unit'), unit, { name: 'audience.unit' });
    var at = input({ type: 'datetime-local', id: 'noticeAt' });
    if (n && n.scheduledAt) at.value = localInput(n.scheduledAt);
    var preview = h('div', { id: 'noticePreview', 'aria-live': 'polite' });
    add(form, h('div', { class: 'grid' },
      field(t('notices.titleField'), title, { name: 'title' }),
      field(t('notices.audience'), kind, { name: 'audience.kind' }), unitField,
      field(t('notices.at'), at, { name: 'scheduledAt', hint: t('notices.atHint') }),
      field(t('notices.text'), text, { name: 'text', wide: true, hint: t('notices.textHint') })),
      preview,
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'noticePreviewBtn', onclick: showPreview }, t('notices.preview')),
        h('button', { type: 'submit', class: 'primary', id: 'noticeSave' }, t('notices.save')),
        h('button', { type: 'button', onclick: function () { form.remove(); } }, t('common.close'))));
    function syncUnit() { unitField.hidden = kind.value !== 'unit'; }
    kind.addEventListener('change', syncUnit);
    syncUnit();
    function body() {
      return { title: title.value, text: text.value, audience: { kind: kind.value, unit: kind.value === 'unit' ? unit.value : null },
        scheduledAt: at.value ? new Date(at.value).toISOString() : null };
    }
    function showPreview() {
      var b = body();
      b.scheduledAt = null;
      api('POST', '/v1/notices/preview', b).then(function (p) {
        showErrors(form, null);
        clear(preview).appendChild(h('div', { class: 'card sms-preview' },
          h('p', null, t('notices.recipients', { n: p.recipients })),
          p.linkInSms ? h('p', { class: 'muted small' }, t('notices.linkNote')) : null,
          Object.keys(p.sms).map(function (lang) {
            return h('div', { class: 'bubble' }, h('div', { class: 'meta' },
              word('lang', lang) + ' · ' + t('notices.segments', { n: p.segments[lang] })), p.sms[lang]);
          })));
      }).catch(function (e) { showErrors(form, e); });
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var req = n ? api('PUT', '/v1/notices/' + encodeURIComponent(n.id), body()) : api('POST', '/v1/notices', body());
      req.then(function (saved) {
        say(t(saved.status === 'scheduled' ? 'notices.scheduled' : 'notices.saved', { title: saved.title }));
        go('#/notice/' + encodeURIComponent(saved.id));
      }).catch(function (e) { showErrors(form, e); });
    });
    return form;
  }

  function localInput(iso) {
    var d = new Date(iso);
    var pad = function (x) { return String(x).padStart(2, '0'); };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  function noticeView(view, id) {
    var title = h('h1', null, t('notices.title'));
    var facts = h('div');
    var actions = h('div', { id: 'noticeActions' });
    var panel = h('div');
    var deliveries = h('div', { id: 'noticeDeliveries' });
    var thread = h('div', { id: 'noticeThread' });
    add(view, h('p', null, h('a', { href: '#/notices' }, '← ' + t('notices.back'))), title, facts, actions, panel,
      h('h2', null, t('notices.thread')), thread, h('h2', null, t('notices.deliveries')), deliveries);
    var current = null;

    function draw(n) {
      current = n;
      clear(title);
      add(title, n.title, ' ', nbadge(n.status));
      clear(facts).appendChild(h('div', { class: 'card' }, h('dl', { class: 'facts' },
        h('dt', null, t('notices.audience')), h('dd', null, audience(n.audience)),
        h('dt', null, t('notices.progress')), h('dd', { id: 'noticeProgress' }, progress(n.progress)),
        n.scheduledAt ? [h('dt', null, t('notices.at')), h('dd', null, when(n.scheduledAt))] : null,
        n.sendStartedAt ? [h('dt', null, t('notices.started')), h('dd', null, when(n.sendStartedAt))] : null,
        n.completedAt ? [h('dt', null, t('notices.completed')), h('dd', null, when(n.completedAt))] : null,
        n.cancelledAt ? [h('dt', null, t('notices.cancelledAt')), h('dd', null, when(n.cancelledAt))] : null,
        h('dt', null, t('col.by')), h('dd', null, (n.createdBy || '') + ' · ' + when(n.createdAt)),
        n.status === 'sending' || n.status === 'sent' ? [h('dt', null, t('notices.page')),
          h('dd', null, h('a', { href: n.pageUrl, target: '_blank', rel: 'noopener' }, n.pageUrl))] : null,
        n.topicMessageId ? [h('dt', null, t('notices.topic')), h('dd', null, t('notices.topicDone'))] : null,
        h('dt', null, t('notices.text')), h('dd', { class: 'notice-text' }, n.text))));
      clear(actions);
      if (!C.canOperate()) return;
      var editable = n.status === 'draft' || n.status === 'scheduled';
      add(actions, h('div', { class: 'actions' },
        editable ? h('button', { type: 'button', class: 'primary', id: 'noticeSend', onclick: sendNow }, t('notices.sendNow')) : null,
        editable ? h('button', { type: 'button', id: 'noticeEdit', onclick: function () {
          clear(panel).appendChild(noticeForm(n));
        } }, t('common.edit')) : null,
        editable || n.status === 'sending' ? h('button', { type: 'button', class: 'danger', id: 'noticeCancel', onclick: function () {
          if (!confirm(t('notices.cancelConfirm'))) return;
          api('POST', '/v1/notices/' + encodeURIComponent(n.id) + '/cancel').then(function (x) { say(t('notices.cancelled')); draw(x); })
            .catch(failed);
        } }, t('notices.cancel')) : null));
    }

    function sendNow() {
      api('POST', '/v1/notices/preview', { title: current.title, text: current.text, audience: current.audience }).then(function (p) {
        if (!confirm(t('notices.sendConfirm', { n: p.recipients }))) return null;
        return api('POST', '/v1/notices/' + encodeURIComponent(id) + '/send').then(function (x) {
          say(t('notices.sending'));
          draw(x);
          loadLists();
        });
      }).catch(failed);
    }

    function loadLists() {
      api('GET', '/v1/notices/' + encodeURIComponent(id) + '/replies').then(function (p) {
        clear(thread).appendChild(p.items.length ? h('ul', { class: 'thread' }, p.items.map(function (r) {
          return h('li', { class: 'bubble in' }, h('div', { class: 'meta' }, when(r.at) + ' · ' + (r.name || r.phone) +
            '（' + word('pkind', r.kind) + (r.memberId && r.kind === 'family' ? ' · ' + C.memberName(r.memberId) : '') + '） ' + r.phone), r.text);
        })) : h('p', { class: 'muted' }, t('notices.noReplies')));
      }).catch(failed);
      api('GET', '/v1/notices/' + encodeURIComponent(id) + '/deliveries').then(function (p) {
        clear(deliveries).appendChild(table(t('notices.deliveriesCount', { n: p.items.length }),
          [t('col.name'), t('col.phone'), t('col.kind'), t('col.status'), t('col.when'), t('col.reason')],
          p.items.map(function (d) {
            return h('tr', null, h('td', null, d.name || ''), h('td', null, d.phone), h('td', null, word('pkind', d.kind)),
              h('td', null, word('dstatus', d.status)), h('td', null, d.sentAt ? when(d.sentAt) : ''),
              h('td', null, d.failureReason || ''));
          }), t('notices.noDeliveries')));
      }).catch(failed);
    }

    function load() {
      return api('GET', '/v1/notices/' + encodeURIComponent(id)).then(draw).catch(failed);
    }
    load().then(loadLists);
    C.every(3000, function () {
      if (current && current.status === 'sending') load().then(loadLists);
    });
  }

  // ================================================================== applications

  function applicationsView(view, arg) {
    var status = select([['', word('astatus', 'all')]].concat(STEPS.map(function (s) { return [s, word('astatus', s)]; })), '',
      { id: 'appStatus' });
    var holder = h('div', { id: 'appList' });
    var panel = h('div', { id: 'appPanel' });
    var report = h('div', { id: 'appReport' });
    var more = h('button', { type: 'button', hidden: true }, t('common.more'));
    var items = [];
    var cursor = null;
    add(view, h('h1', null, t('apps.title')), h('p', { class: 'muted small' }, t('apps.help')),
      h('div', { class: 'toolbar' }, field(t('filter.status'), status),
        C.canOperate() ? h('button', { type: 'button', class: 'primary', id: 'appNew', onclick: function () {
          clear(panel).appendChild(applicationForm(null));
        } }, t('apps.new')) : null),
      panel, holder, h('div', { class: 'actions' }, more), h('h2', null, t('apps.report')), report);
    if (arg && C.canOperate()) clear(panel).appendChild(applicationForm(arg));
    function load(reset) {
      if (reset) { items = []; cursor = null; }
      api('GET', '/v1/applications' + qs({ status: status.value, limit: 50, cursor: cursor })).then(function (p) {
        items = items.concat(p.items);
        cursor = p.nextCursor;
        more.hidden = !cursor;
        clear(holder).appendChild(applicationTable(items));
      }).catch(failed);
    }
    status.addEventListener('change', function () { load(true); });
    more.addEventListener('click', function () { load(false); });
    load(true);
    api('GET', '/v1/reports/applications').then(function (r) { drawReport(report, r); }).catch(failed);
  }

  function applicationTable(items) {
    return table(null, [t('col.submitted'), t('col.member'), t('apps.colKind'), t('col.requested'), t('col.approved'), t('col.status')],
      items.map(function (a) {
        return h('tr', { 'data-application': a.id },
          h('td', null, h('a', { href: '#/application/' + encodeURIComponent(a.id) }, when(a.submittedAt))),
          h('td', null, a.memberName), h('td', null, word('akind', a.kind)), h('td', null, money(a.amountRequested)),
          h('td', null, money(a.amountApproved)), h('td', null, abadge(a.status)));
      }), t('apps.empty'));
  }

  function drawReport(el, r) {
    var months = r.months.filter(function (m) { return m.submitted || m.approved || m.rejected || m.paid || m.reviewed; });
    add(clear(el), h('div', { class: 'stats' },
      C.stat(t('apps.submitted'), String(r.total.submitted)),
      C.stat(t('apps.requested'), money(r.total.requested)),
      C.stat(t('apps.approvedN'), String(r.total.approved)),
      C.stat(t('apps.approvedAmount'), money(r.total.approvedAmount)),
      C.stat(t('apps.rejectedN'), String(r.total.rejected)),
      C.stat(t('apps.paidN'), String(r.total.paid)),
      C.stat(t('apps.paidAmount'), money(r.total.paidAmount))),
      // the chart reads each month's key as "2026-03", like the incident summary's
      C.barChart(r.months.map(function (m) { return Object.assign({ key: m.month }, m); }),
        function (m) { return [Number(m.paidAmount)]; }, money, t('apps.paidPerMonth'), 'bar3'),
      table(t('apps.byMonth'), [t('col.month'), t('apps.submitted'), t('apps.requested'), t('apps.approvedN'),
        t('apps.approvedAmount'), t('apps.rejectedN'), t('apps.paidN'), t('apps.paidAmount')],
      months.map(function (m) {
        return h('tr', null, h('td', null, m.month), h('td', null, String(m.submitted)), h('td', null, money(m.requested)),
          h('td', null, String(m.approved)), h('td', null, money(m.approvedAmount)), h('td', null, String(m.rejected)),
          h('td', null, String(m.paid)), h('td', null, money(m.paidAmount)));
      }), t('apps.noneInPeriod')));
  }

  /** A new application (for {@code memberId} if given) or a correction of a submitted one ({@code a}). */
  function applicationForm(memberIdOrApplication) {
    var a = memberIdOrApplication && typeof memberIdOrApplication === 'object' ? memberIdOrApplication : null;
    var form = C.formShell(a ? t('apps.edit') : t('apps.new'), 'applicationForm');
    var member = C.memberOptions(a ? a.memberId : memberIdOrApplication);
    member.id = 'appMember';
    if (a) member.disabled = true;
    var kind = select(KINDS.map(function (k) { return [k, word('akind', k)]; }), a ? a.kind : 'hardship', { id: 'appKind' });
    var amount = input({ type: 'number', min: 0.01, step: '0.01', inputmode: 'decimal', id: 'appAmount', value: a ? a.amountRequested : '' });
    var reason = h('textarea', { id: 'appReason', rows: 4, maxlength: 2000 });
    reason.value = a ? a.reason : '';
    var docs = h('textarea', { id: 'appDocs', rows: 3 });
    docs.value = a ? a.documents.join('\n') : '';
    add(form, h('div', { class: 'grid' },
      field(t('apps.member'), member, { name: 'memberId' }), field(t('apps.kind'), kind, { name: 'kind' }),
      field(t('apps.amount'), amount, { name: 'amountRequested' }),
      field(t('apps.reason'), reason, { name: 'reason', wide: true }),
      field(t('apps.documents'), docs, { name: 'documents', wide: true, hint: t('apps.documentsHint') })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'appSave' }, t('common.save')),
        h('button', { type: 'button', onclick: function () { form.remove(); } }, t('common.close'))));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { memberId: member.value, kind: kind.value, reason: reason.value,
        amountRequested: amount.value === '' ? null : Number(amount.value),
        documents: docs.value.split('\n').map(function (d) { return d.trim(); }).filter(Boolean) };
      var req = a ? api('PUT', '/v1/applications/' + encodeURIComponent(a.id), body) : api('POST', '/v1/applications', body);
      req.then(function (saved) {
        say(t('apps.saved', { name: saved.memberName }));
        go('#/application/' + encodeURIComponent(saved.id));
      }).catch(function (e) { showErrors(form, e); });
    });
    return form;
  }

  function applicationView(view, id) {
    var title = h('h1', null, t('apps.one'));
    var facts = h('div');
    var steps = h('div');
    var actions = h('div', { id: 'appActions' });
    var panel = h('div');
    add(view, h('p', null, h('a', { href: '#/applications' }, '← ' + t('apps.back'))), title, facts, actions, panel,
      h('h2', null, t('apps.steps')), steps);

    function draw(a) {
      clear(title);
      add(title, t('apps.oneFor', { name: a.memberName }), ' ', abadge(a.status));
      clear(facts).appendChild(h('div', { class: 'card' }, h('dl', { class: 'facts' },
        h('dt', null, t('apps.member')), h('dd', null, a.memberName + (a.unit ? '（' + a.unit + '）' : '')),
        h('dt', null, t('apps.kind')), h('dd', null, word('akind', a.kind)),
        h('dt', null, t('apps.amount')), h('dd', null, money(a.amountRequested)),
        a.amountApproved != null ? [h('dt', null, t('apps.approvedAmount')), h('dd', null, money(a.amountApproved))] : null,
        h('dt', null, t('apps.reason')), h('dd', { class: 'notice-text' }, a.reason),
        h('dt', null, t('apps.documents')), h('dd', null, a.documents.length ? h('ul', null, a.documents.map(function (d) {
          return h('li', null, /^https?:\/\//.test(d) ? h('a', { href: d, target: '_blank', rel: 'noopener noreferrer' }, d) : d);
        })) : '—'))));
      clear(steps).appendChild(h('ol', { class: 'timeline' }, a.steps.map(function (s) {
        return h('li', null, h('time', { datetime: s.at }, when(s.at)), word('astatus', s.status),
          s.amount != null && s.status !== 'submitted' ? ' · ' + money(s.amount) : '', s.note ? ' · ' + s.note : '',
          h('span', { class: 'muted small' }, ' — ' + s.actorName));
      })));
      clear(actions).appendChild(h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'appPrint', onclick: function () { printForm(a); } }, t('apps.print')),
        C.canOperate() && a.status === 'submitted' ? h('button', { type: 'button', id: 'appEdit', onclick: function () {
          clear(panel).appendChild(applicationForm(a));
        } }, t('common.edit')) : null));
      if (!C.canOperate()) return;
      var next = { submitted: ['review'], reviewed: ['approve', 'reject'], approved: ['pay'] }[a.status] || [];
      next.forEach(function (step) { actions.appendChild(stepForm(a, step, draw)); });
    }
    api('GET', '/v1/applications/' + encodeURIComponent(id)).then(draw).catch(failed);
  }

  /** One step's form: a note (required to reject), and the amount to approve (the amount requested unless changed). */
  function stepForm(a, step, done) {
    var form = h('form', { class: 'card step-form', novalidate: true, id: 'step-' + step });
    var note = h('textarea', { rows: 2, maxlength: 1000, id: 'stepNote-' + step });
    var amount = step === 'approve' ? input({ type: 'number', min: 0.01, step: '0.01', id: 'stepAmount', value: a.amountRequested }) : null;
    add(form, h('h3', null, t('apps.do.' + step)), h('div', { class: 'form-errors', tabindex: '-1' }),
      h('div', { class: 'grid' },
        amount ? field(t('apps.approvedAmount'), amount, { name: 'amount' }) : null,
        step === 'pay' ? h('p', null, t('apps.payAmount', { amount: money(a.amountApproved) })) : null,
        field(t(step === 'reject' ? 'apps.rejectReason' : 'apps.note'), note, { name: 'note', wide: true })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: step === 'reject' ? 'danger' : 'primary',
        id: 'stepDo-' + step }, t('apps.do.' + step))));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { note: note.value || null };
      if (amount) body.amount = amount.value === '' ? null : Number(amount.value);
      api('POST', '/v1/applications/' + encodeURIComponent(a.id) + '/' + step, body).then(function (x) {
        say(t('apps.done.' + step));
        done(x);
      }).catch(function (e) { showErrors(form, e); });
    });
    return form;
  }

  /** The application form as the union files it: the facts, every step, signature lines; printed from #printArea. */
  function printForm(a) {
    var area = clear(C.$('printArea'));
    function row(label, value) { return h('tr', null, h('th', { scope: 'row' }, label), h('td', null, value)); }
    var step = function (s) { return a.steps.filter(function (x) { return x.status === s; }).pop(); };
    function signed(s, label) {
      var x = step(s);
      return row(label, x ? x.actorName + ' · ' + when(x.at) + (x.note ? ' · ' + x.note : '') + (x.amount != null && s !== 'submitted' ? ' · ' + money(x.amount) : '')
        : t('apps.print.signHere'));
    }
    area.appendChild(h('div', { class: 'application-print' },
      h('h1', null, t('apps.print.title')),
      h('p', { class: 'muted' }, t('apps.print.number', { id: a.id })),
      h('table', null, h('tbody', null,
        row(t('apps.member'), a.memberName), row(t('apps.unit'), a.unit || ''),
        row(t('apps.kind'), word('akind', a.kind)), row(t('apps.amount'), money(a.amountRequested)),
        row(t('apps.reason'), a.reason), row(t('apps.documents'), a.documents.join('；') || '—'),
        signed('submitted', t('apps.print.submittedBy')), signed('reviewed', t('apps.print.reviewedBy')),
        a.status === 'rejected' ? signed('rejected', t('apps.print.rejectedBy')) : signed('approved', t('apps.print.approvedBy')),
        signed('paid', t('apps.print.paidBy')))),
      h('div', { class: 'signatures' },
        h('p', null, t('apps.print.applicantSign')), h('p', null, t('apps.print.unionSeal')), h('p', null, t('apps.print.date'))),
      h('p', { class: 'muted small' }, t('apps.print.printedAt', { time: when(new Date().toISOString()) }))));
    window.print();
  }

  // ================================================================== on a member's record

  /** Each family contact's introduction, the actions that send it, and the member's applications. */
  function memberPanel(m) {
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
          return h('tr', null, h('td', null, c.name + (c.relation ? '（' + c.relation + '）' : '')), h('td', null, c.phone),
            h('td', null, i ? word('istatus', i.status) + (i.failureReason ? ' — ' + i.failureReason : '') : t('intro.never')),
            h('td', null, i ? when(i.sentAt || i.requestedAt) : ''),
            h('td', null, i ? (i.linkIncluded ? t('intro.linkSent') : t('intro.linkNotSent')) : ''));
        }), t('intro.noContacts')));
      if (!C.canOperate() || !m.familyContacts.length) return;
      intros.appendChild(h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'introduceBtn', onclick: function () { introduce(false); } }, t('intro.send')),
        C.isAdmin() ? h('button', { type: 'button', id: 'introduceRotateBtn', onclick: function () {
          if (confirm(t('intro.rotateConfirm', { name: m.name }))) introduce(true);
        } }, t('intro.sendRotate')) : null));
    }
    function introduce(rotate) {
      api('POST', '/v1/members/' + encodeURIComponent(m.id) + '/introductions', { rotateLink: rotate }).then(function (p) {
        say(t('intro.sent', { n: p.items.filter(function (i) { return i.status === 'sent'; }).length }));
        drawIntros(p.items);
      }).catch(failed);
    }
    drawIntros(m.introductions);
    api('GET', '/v1/applications' + qs({ memberId: m.id })).then(function (p) {
      clear(apps).appendChild(applicationTable(p.items));
      if (C.canOperate()) {
        apps.appendChild(h('div', { class: 'actions' }, h('a', { href: '#/applications/' + encodeURIComponent(m.id), class: 'button' },
          t('apps.newForMember'))));
      }
    }).catch(failed);
    return box;
  }

  C.extend({
    routes: [
      { id: 'notices', label: 'nav.notices', before: 'reports', children: ['notice'] },
      { id: 'applications', label: 'nav.applications', before: 'reports', children: ['application'] }
    ],
    views: { notices: noticesView, notice: noticeView, applications: applicationsView, application: applicationView },
    memberPanels: [memberPanel]
  });
})();
