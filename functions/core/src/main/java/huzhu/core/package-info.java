/**
 * The core: plain Java, packaged by capability ({@code incident}, {@code directory}, {@code care}, {@code report},
 * {@code audit}) over a small shared kernel ({@code kernel}, {@code sms}, {@code error}, {@code log}).
 * {@link huzhu.core.Services} wires every service over one {@link huzhu.core.Store}'s ports.
 */
package huzhu.core;
