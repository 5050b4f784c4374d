/** Who did what, when: the append-only audit log every service writes after a change succeeded. */
package huzhu.core.audit;
