/* The repeating timers of the screen on show (live board, SMS outbox…): stopped when another screen is drawn. */
var timers = [];

export function every(ms, fn) { timers.push(setInterval(fn, ms)); }
export function stopTimers() { timers.forEach(clearInterval); timers = []; }
