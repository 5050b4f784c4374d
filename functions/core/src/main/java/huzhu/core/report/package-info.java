/** What the union reports on: incidents over a period, and where coverage is missing. */
package huzhu.core.report;
