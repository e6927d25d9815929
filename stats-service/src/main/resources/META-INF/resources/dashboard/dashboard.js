'use strict';
// The Footing dashboard: one user's summary, weekly volume, active days, balance, records,
// per-exercise progress, guidance and program adherence, kept current by the server-sent events
// of /api/users/{userId}/live.

const state = { userId: null, self: null, view: 0, charts: {}, refreshTimer: null, loads: 0, live: null };
window.footingDashboard = state; // lets browser tests read what the charts show (no tokens in here)

const LIVE_RETRY_MIN_MS = 1_000;
const LIVE_RETRY_MAX_MS = 15_000;

const $ = (id) => document.getElementById(id);
const fmt = (n) => Number(n || 0).toLocaleString('en-US', { maximumFractionDigits: 1 });
// Sign-in, authorized calls and the words for guidance are shared with the training page (/shared/footing.js).
const { HttpError, getJson, hasRole, authorizedFetch, escapeHtml } = Footing;

function showAccount() {
  $('signed-in-user').textContent = state.self;
  const roles = ['admin', 'coach', 'athlete'].filter(hasRole);
  $('signed-in-roles').textContent = roles.length ? `(${roles.join(', ')})` : '';
  $('account').hidden = false;
  $('sign-out').addEventListener('click', signOut);
}

function signOut() {
  stopLive();
  // Back to the bare page: the next person to sign in starts on their own dashboard.
  Footing.signOut(`${location.origin}/`);
}

// ---------------------------------------------------------------------------------------------
// Whose dashboard

/** A coach (or anyone someone shares with) chooses among those athletes; themself first. */
async function offerSharedAthletes() {
  let athletes = [];
  try {
    athletes = (await getJson('/api/me/athletes')).athletes.map((a) => a.userId);
  } catch (e) {
    console.warn('no list of athletes who share with you:', e.message);
  }
  if (!athletes.length && !hasRole('coach')) {
    return;
  }
  const options = [{ value: state.self, label: `My training (${state.self})` }]
    .concat(athletes.map((a) => ({ value: a, label: a })));
  $('athlete-select').innerHTML = options
    .map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`).join('');
  if (!athletes.length) {
    $('athlete-select').insertAdjacentHTML('beforeend', '<option disabled>No athlete shares with you yet</option>');
  }
  $('athlete-select').value = state.userId;
  $('athlete-select').addEventListener('change', (event) => showUser(event.target.value));
  $('athlete-picker').hidden = false;
}

/** An admin may open anyone's dashboard; the suggestions are the recently active users. */
async function offerAnyUser() {
  if (!hasRole('admin')) {
    return;
  }
  $('user-form').hidden = false;
  $('user-input').value = state.userId;
  $('user-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showUser($('user-input').value.trim());
  });
  try {
    const users = await getJson('/api/users');
    $('known-users').innerHTML = users.map((u) => `<option value="${escapeHtml(u.userId)}">`).join('');
  } catch (e) {
    console.warn('no user list:', e.message);
  }
}

/** Shows one user's dashboard, or says plainly why it cannot. Switching users drops the old view. */
async function showUser(userId) {
  const view = { userId, id: ++state.view };
  state.userId = userId;
  stopLive();
  clearTimeout(state.refreshTimer);
  history.replaceState(null, '', userId === state.self ? location.pathname : `?user=${encodeURIComponent(userId)}`);
  if ($('athlete-select').querySelector(`option[value="${CSS.escape(userId)}"]`)) {
    $('athlete-select').value = userId;
  }
  $('dashboard').hidden = true;
  $('viewing').hidden = true;
  showMessage(`Loading ${userId}…`);
  try {
    const summary = await getJson(api(view, '/summary'));
    if (!isCurrent(view)) {
      return;
    }
    showViewing(userId);
    $('dashboard').hidden = false;
    hideMessage();
    Object.values(state.charts).forEach((c) => c.resize());
    await refresh(view, summary);
    listen(view);
  } catch (e) {
    if (isCurrent(view)) {
      showFailure(userId, e);
    }
  }
}

function showViewing(userId) {
  const own = userId === state.self;
  $('viewing').textContent = own ? 'Your training' : `Viewing ${userId} (read-only)`;
  $('viewing').className = own ? 'banner' : 'banner read-only';
  $('viewing').hidden = false;
}

function showFailure(userId, error) {
  $('dashboard').hidden = true;
  $('viewing').hidden = true;
  if (error.status === 403) {
    showMessage(`${userId} has not shared their training with you.`, 'forbidden');
  } else if (error.status === 400) {
    showMessage(`"${userId}" is not a valid user id: ${error.message}`, 'error');
  } else {
    showMessage(`Could not load ${userId}'s training: ${error.message}`, 'error');
  }
}

function showMessage(text, kind = '') {
  $('message').textContent = text;
  $('message').className = `message ${kind}`;
  $('message').hidden = false;
}

function hideMessage() {
  $('message').hidden = true;
}

const isCurrent = (view) => view.id === state.view;
const api = (view, path) => `/api/users/${encodeURIComponent(view.userId)}${path}`;

// ---------------------------------------------------------------------------------------------
// Numbers and charts

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function addDays(isoDay, days) {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

function mondayOf(isoDay) {
  const d = new Date(`${isoDay}T00:00:00Z`);
  return addDays(isoDay, -((d.getUTCDay() + 6) % 7));
}

function chart(id) {
  if (!state.charts[id]) {
    state.charts[id] = echarts.init($(id));
    window.addEventListener('resize', () => state.charts[id].resize());
  }
  return state.charts[id];
}

function showSummary(summary) {
  const all = summary.allTime;
  const week = summary.thisWeek;
  const daily = summary.dailyStreak;
  const weekly = summary.weeklyStreak;
  $('current-streak').textContent = daily.current;
  $('longest-streak').textContent = daily.longest;
  $('longest-streak-dates').textContent = daily.longest > 0 ? `(${daily.longestFrom} → ${daily.longestTo})` : '';
  $('goal-progress').textContent = weekly.thisWeekActiveDays;
  $('goal-target').textContent = weekly.goal;
  $('goal-bar').style.width = `${Math.min(100, (100 * weekly.thisWeekActiveDays) / weekly.goal)}%`;
  $('weekly-streak').textContent = weekly.current;
  $('week-sets').textContent = fmt(week.sets);
  $('week-reps').textContent = fmt(week.reps);
  $('week-hold').textContent = fmt(week.holdSeconds);
  $('week-load').textContent = fmt(week.loadVolumeKg);
  $('total-sets').textContent = fmt(all.sets);
  $('total-sessions').textContent = fmt(all.sessions);
  $('total-reps').textContent = fmt(all.reps);
  $('total-hold').textContent = fmt(all.holdSeconds);
  $('total-active-days').textContent = fmt(all.activeDays);
  $('events-applied').textContent = fmt(summary.eventsApplied);
  $('last-event-at').textContent = summary.lastEventAt ? new Date(summary.lastEventAt).toLocaleString() : 'never';
  $('empty-hint').hidden = all.sets > 0;
}

async function showVolume(view, today) {
  const from = addDays(mondayOf(today), -7 * 11);
  const volume = await getJson(api(view, `/volume?from=${from}&to=${today}&bucket=week&groupBy=bodyArea`));
  if (!isCurrent(view)) {
    return;
  }
  const weeks = volume.series.length ? volume.series[0].points.map((p) => p.bucket) : [];
  const series = volume.series
    .filter((s) => s.points.some((p) => p.sets > 0))
    .map((s) => ({ name: s.label || s.key, type: 'bar', stack: 'sets', emphasis: { focus: 'series' },
      data: s.points.map((p) => p.sets) }));
  chart('volume-chart').setOption({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 40, right: 10, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', name: 'sets', minInterval: 1 },
    series,
  }, { notMerge: true });
}

async function showCalendar(view, today) {
  const from = addDays(today, -364);
  const calendar = await getJson(api(view, `/calendar?from=${from}&to=${today}`));
  if (!isCurrent(view)) {
    return;
  }
  const data = calendar.days.map((d) => [d.date, d.sets]);
  const max = Math.max(1, ...calendar.days.map((d) => d.sets));
  chart('calendar-chart').setOption({
    tooltip: { formatter: (p) => `${p.value[0]}: ${p.value[1]} sets` },
    visualMap: { show: false, min: 0, max, inRange: { color: ['#edf2f4', '#9fd5c4', '#2f7d6d'] } },
    calendar: { range: [from, today], cellSize: ['auto', 14], top: 25, left: 30, right: 10,
      splitLine: { show: false }, itemStyle: { borderColor: '#fff', borderWidth: 2 }, yearLabel: { show: false } },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data }],
  }, { notMerge: true });
}

async function showBalance(view) {
  const balance = await getJson(api(view, '/balance'));
  if (!isCurrent(view)) {
    return;
  }
  const rows = balance.exercises;
  chart('balance-chart').setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 150, right: 50, top: 30, bottom: 20 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => r.exercise.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      { name: 'Left', type: 'bar', data: rows.map((r) => r.left.volume) },
      { name: 'Right', type: 'bar', data: rows.map((r) => r.right.volume),
        label: { show: true, position: 'right',
          formatter: (p) => { const a = rows[p.dataIndex].asymmetry; return a == null ? '' : `${Math.round(a * 100)}%`; } } },
    ],
  }, { notMerge: true });
}

async function showRecords(view) {
  const records = await getJson(api(view, '/records'));
  if (!isCurrent(view)) {
    return;
  }
  const cell = (r, unit) => (r ? `${fmt(r.value)}${unit} <small>${r.date}</small>` : '—');
  $('records').querySelector('tbody').innerHTML = records.exercises.map((e) => `<tr>
      <td>${escapeHtml(e.exercise.name)}</td><td>${cell(e.mostReps, '')}</td><td>${cell(e.longestHoldSeconds, ' s')}</td>
      <td>${cell(e.heaviestLoadKg, ' kg')}</td><td>${cell(e.largestLoadVolumeKg, ' kg')}</td></tr>`).join('');
  await showProgress(view, offerProgressExercises(records));
}

/** One card per exercise: the decision, the next target and why, worded from the reason code. */
async function showGuidance(view) {
  const guidance = await getJson(api(view, '/guidance'));
  if (!isCurrent(view)) {
    return;
  }
  state.guidance = guidance.items;
  $('guidance-empty').hidden = guidance.items.length > 0;
  $('guidance').innerHTML = guidance.items.map((g) => `<article class="guidance-card" data-exercise="${escapeHtml(g.exercise.slug)}"
      data-decision="${g.decision}">
      <h3>${escapeHtml(g.exercise.name)}</h3>
      <p><span class="decision ${g.decision.toLowerCase()}">${Footing.DECISION_WORDS[g.decision]}</span>
        <strong class="next-target">${escapeHtml(Footing.describeTarget(g.next))}</strong>
        ${g.next.exercise !== g.exercise.slug ? `<small>(${escapeHtml(g.next.exercise)})</small>` : ''}</p>
      <p class="why">${escapeHtml(Footing.describeWhy(g))}</p>
      <p class="muted">Last time: ${escapeHtml(Footing.describeTarget(g.target))} · ${g.basedOn.sessions} sessions, last ${g.basedOn.lastSession}</p>
    </article>`).join('');
}

/** Per followed program: each ISO week as a box (on plan, missed, this week still open), and the streak. */
async function showAdherence(view) {
  const adherence = await getJson(api(view, '/adherence'));
  if (!isCurrent(view)) {
    return;
  }
  $('adherence-empty').hidden = adherence.items.length > 0;
  $('adherence').innerHTML = adherence.items.map((a) => `<article class="adherence" data-program="${escapeHtml(a.program.slug)}">
      <h3>${escapeHtml(a.program.name)}</h3>
      <p>${a.sessionsPerWeek} per week planned · weekly streak on plan <strong class="streak">${a.weeklyStreak}</strong></p>
      <ol class="weeks">${a.weeks.map((w) => `<li class="week ${w.onPlan === true ? 'on' : w.onPlan === false ? 'off' : 'none'}"
        title="${w.week}: ${w.done} of ${w.planned}"><span>${w.week.slice(5)}</span><b>${w.done}/${w.planned}</b></li>`).join('')}</ol>
    </article>`).join('');
}

/** The exercises with counted sets, as the records know them; the chosen one's history is charted. */
function offerProgressExercises(records) {
  const select = $('progress-exercise');
  const chosen = select.value;
  select.innerHTML = records.exercises
    .map((e) => `<option value="${escapeHtml(e.exercise.id)}">${escapeHtml(e.exercise.name)}</option>`).join('');
  if (records.exercises.some((e) => e.exercise.id === chosen)) {
    select.value = chosen;
  }
  if (!select.dataset.wired) {
    select.dataset.wired = 'yes';
    select.addEventListener('change', () => {
      const view = { userId: state.userId, id: state.view };
      showProgress(view, select.value).catch((e) => console.warn(e.message));
    });
  }
  return select.value;
}

/** Reps (or seconds held) per active day, with the days the records were set marked. */
async function showProgress(view, exerciseId) {
  if (!exerciseId) {
    chart('progress-chart').clear();
    return;
  }
  const progress = await getJson(api(view, `/exercises/${encodeURIComponent(exerciseId)}`));
  if (!isCurrent(view)) {
    return;
  }
  const records = progress.records || {};
  const byHold = !records.mostReps && records.longestHoldSeconds;
  const days = progress.history.filter((d) => d.active);
  const valueOf = (d) => (byHold ? d.holdSeconds : d.reps);
  const marks = [['mostReps', 'most reps'], ['longestHoldSeconds', 'longest hold'], ['heaviestLoadKg', 'heaviest'],
    ['largestLoadVolumeKg', 'best set volume']]
    .filter(([key]) => records[key])
    .map(([key, label]) => {
      const day = days.find((d) => d.date === records[key].date);
      return { name: label, coord: [records[key].date, day ? valueOf(day) : 0],
        value: `${label}: ${fmt(records[key].value)}`, label: { show: false } };
    });
  state.progressRecords = marks.length;
  chart('progress-chart').setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 45, right: 15, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: days.map((d) => d.date) },
    yAxis: { type: 'value', name: byHold ? 'seconds held' : 'reps', minInterval: 1 },
    series: [{ name: byHold ? 'seconds held' : 'reps', type: 'line', data: days.map(valueOf), showSymbol: days.length < 40,
      markPoint: { symbol: 'pin', symbolSize: 36, data: marks,
        tooltip: { formatter: (p) => `${p.data.value} (${p.data.coord[0]})` } } }],
  }, { notMerge: true });
}

async function refresh(view, summary) {
  const current = summary || (await getJson(api(view, '/summary')));
  if (!isCurrent(view)) {
    return;
  }
  showSummary(current);
  await Promise.all([showVolume(view, current.asOf), showCalendar(view, current.asOf), showBalance(view), showRecords(view),
    showGuidance(view), showAdherence(view)]);
  if (isCurrent(view)) {
    state.loads += 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Live updates: EventSource cannot send an Authorization header, so the stream is read with fetch

function setLiveStatus(text, on) {
  $('live-status').textContent = text;
  $('live-status').className = on ? 'live on' : 'live off';
}

function stopLive() {
  if (state.live) {
    state.live.abort();
    state.live = null;
  }
  setLiveStatus('offline', false);
}

/**
 * Keeps one stream open for the view: on an end or a failure it reconnects with a fresh token
 * (the server checked the old one only when the stream began), backing off while it keeps failing.
 */
async function listen(view) {
  let retryMs = LIVE_RETRY_MIN_MS;
  while (isCurrent(view)) {
    const controller = new AbortController();
    state.live = controller;
    try {
      const response = await authorizedFetch(api(view, '/live'),
        { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
      if (response.status === 403) {
        showFailure(view.userId, new HttpError(403)); // the user stopped sharing
        stopLive();
        return;
      }
      if (!response.ok || !response.body) {
        throw new HttpError(response.status);
      }
      setLiveStatus('live', true);
      retryMs = LIVE_RETRY_MIN_MS;
      await readEvents(response.body, (data) => onLiveSummary(view, JSON.parse(data)));
    } catch (e) {
      if (controller.signal.aborted) {
        return;
      }
      console.warn('live updates interrupted:', e.message);
    }
    if (!isCurrent(view)) {
      return;
    }
    setLiveStatus('reconnecting', false);
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    retryMs = Math.min(LIVE_RETRY_MAX_MS, retryMs * 2);
  }
}

function onLiveSummary(view, summary) {
  if (!isCurrent(view)) {
    return;
  }
  showSummary(summary);
  // A burst of sets arrives as a burst of events: redraw the charts once it settles.
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => refresh(view, summary).catch((e) => console.warn(e.message)), 250);
}

/**
 * Reads a text/event-stream body until it ends: events are separated by a blank line, and an
 * event's data is its "data:" lines joined by newlines (comments and other fields are ignored).
 */
async function readEvents(body, onData) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    // A CR at the very end may be the first half of a CRLF: keep it until the next chunk.
    const settled = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    let text = buffer.slice(0, settled).replace(/\r\n?/g, '\n');
    const pending = buffer.slice(settled);
    let end;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const data = dataOf(text.slice(0, end));
      text = text.slice(end + 2);
      if (data !== null) {
        onData(data);
      }
    }
    buffer = text + pending;
  }
}

function dataOf(event) {
  const lines = event.split('\n').filter((line) => line === 'data' || line.startsWith('data:'));
  if (!lines.length) {
    return null;
  }
  return lines.map((line) => line.slice(5).replace(/^ /, '')).join('\n');
}

// ---------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', async () => {
  try {
    state.self = await Footing.signIn();
  } catch (e) {
    showMessage(`Could not sign in: ${e.message || e.error || 'the identity provider did not answer'}`, 'error');
    return;
  }
  showAccount();
  // ?user= still selects a user (a bookmark, a link from a coach's list); the default is oneself.
  const requested = new URLSearchParams(location.search).get('user');
  state.userId = requested || state.self;
  await Promise.all([offerSharedAthletes(), offerAnyUser()]);
  showUser(state.userId);
});
