/**
 * The union's people: members with their family contacts, volunteers, leaders
 * ({@link huzhu.core.directory.DirectoryService}, roster imports in {@link huzhu.core.directory.Roster}), and the
 * members' personal emergency links ({@link huzhu.core.directory.TriggerTokenStore}).
 */
package huzhu.core.directory;
