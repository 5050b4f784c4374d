/*
 * The repeating timers of the screen on show (live board, SMS outbox…): stopped when another screen is drawn.
 * {@link every} keeps polling while the page is not live (that is how it notices the network is back);
 * {@link ticking} (a clock counting up) stops while it is not, so old figures do not look fresh.
 */
import { isLive } from './live.js';

var timers = [];

export function every(ms, fn) { timers.push(setInterval(fn, ms)); }
export function ticking(ms, fn) { timers.push(setInterval(function () { if (isLive()) fn(); }, ms)); }
export function stopTimers() { timers.forEach(clearInterval); timers = []; }
