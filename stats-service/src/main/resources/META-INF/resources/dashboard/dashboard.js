'use strict';
// The Footing dashboard: one user's summary, weekly volume, active days, balance and records,
// kept current by the server-sent events of /api/users/{userId}/live.

const state = { userId: null, source: null, charts: {}, refreshTimer: null, loads: 0 };
window.footingDashboard = state; // lets browser tests read what the charts show

const $ = (id) => document.getElementById(id);
const api = (path) => `/api/users/${encodeURIComponent(state.userId)}${path}`;
const fmt = (n) => Number(n || 0).toLocaleString('en-US', { maximumFractionDigits: 1 });

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `${url} answered ${response.status}`);
  }
  return response.json();
}

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
}

async function showVolume(today) {
  const from = addDays(mondayOf(today), -7 * 11);
  const volume = await getJson(api(`/volume?from=${from}&to=${today}&bucket=week&groupBy=bodyArea`));
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

async function showCalendar(today) {
  const from = addDays(today, -364);
  const calendar = await getJson(api(`/calendar?from=${from}&to=${today}`));
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

async function showBalance() {
  const balance = await getJson(api('/balance'));
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

async function showRecords() {
  const records = await getJson(api('/records'));
  const cell = (r, unit) => (r ? `${fmt(r.value)}${unit} <small>${r.date}</small>` : '—');
  $('records').querySelector('tbody').innerHTML = records.exercises.map((e) => `<tr>
      <td>${escapeHtml(e.exercise.name)}</td><td>${cell(e.mostReps, '')}</td><td>${cell(e.longestHoldSeconds, ' s')}</td>
      <td>${cell(e.heaviestLoadKg, ' kg')}</td><td>${cell(e.largestLoadVolumeKg, ' kg')}</td></tr>`).join('');
}

function escapeHtml(text) {
  const div = document.createElement('div');
  div.textContent = text;
  return div.innerHTML;
}

async function refresh(summary) {
  const current = summary || (await getJson(api('/summary')));
  showSummary(current);
  await Promise.all([showVolume(current.asOf), showCalendar(current.asOf), showBalance(), showRecords()]);
  state.loads += 1;
}

function listen() {
  if (state.source) {
    state.source.close();
  }
  const source = new EventSource(api('/live'));
  state.source = source;
  source.onopen = () => { $('live-status').textContent = 'live'; $('live-status').className = 'live on'; };
  source.onerror = () => { $('live-status').textContent = 'reconnecting'; $('live-status').className = 'live off'; };
  source.onmessage = (message) => {
    const summary = JSON.parse(message.data);
    showSummary(summary);
    // A burst of sets arrives as a burst of events: redraw the charts once it settles.
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(() => refresh(summary).catch(console.error), 250);
  };
}

async function showUser(userId) {
  state.userId = userId;
  history.replaceState(null, '', `?user=${encodeURIComponent(userId)}`);
  $('dashboard').hidden = false;
  $('empty-hint').hidden = true;
  Object.values(state.charts).forEach((c) => c.resize());
  await refresh();
  listen();
}

async function loadKnownUsers() {
  try {
    const users = await getJson('/api/users');
    $('known-users').innerHTML = users.map((u) => `<option value="${escapeHtml(u.userId)}">`).join('');
  } catch (e) {
    console.warn('no user list', e);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('user-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showUser($('user-input').value.trim()).catch((e) => alert(e.message));
  });
  loadKnownUsers();
  const initial = new URLSearchParams(location.search).get('user');
  if (initial) {
    $('user-input').value = initial;
    showUser(initial).catch((e) => alert(e.message));
  }
});
