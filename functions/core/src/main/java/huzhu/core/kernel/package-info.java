/**
 * What every capability shares: paging ({@link huzhu.core.kernel.PageRequest}, {@link huzhu.core.kernel.Page},
 * {@link huzhu.core.kernel.Cursor}, {@link huzhu.core.kernel.StatusFilter}), conditional writes
 * ({@link huzhu.core.kernel.VersionedChange}, {@link huzhu.core.kernel.StaleWrite}), ids and waiting
 * ({@link huzhu.core.kernel.Ids}, {@link huzhu.core.kernel.Sleeper}), validation, text, phone numbers and message
 * bundles.
 */
package huzhu.core.kernel;
