package huzhu.console;

import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryService.ImportReport;
import huzhu.core.kernel.Language;
import huzhu.http.Http;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import's report with each row problem as text for people (in the caller's language, else zh-CN then English),
 * like a 422's fields; a {@code dryRun} (the check before importing) stored nothing and says whom the import will
 * text ({@code outreach}).
 */
public record ImportView(int rows, int imported, int skipped, List<String> ids, List<Row> problems,
        List<String> ignoredColumns, boolean dryRun, DirectoryService.Outreach outreach) {

    public record Row(int row, Map<String, String> fields) {
    }

    /** {@code reader}: the caller's one language, or null for both. */
    public static ImportView of(ImportReport r, boolean dryRun, Language reader) {
        List<Row> rows = r.problems().stream().map(p -> {
            Map<String, String> fields = new LinkedHashMap<>();
            p.fields().forEach((field, key) -> fields.put(field, Http.said(reader, key, Map.of())));
            return new Row(p.row(), fields);
        }).toList();
        return new ImportView(r.rows(), r.imported(), r.skipped(), r.ids(), rows, r.ignoredColumns(), dryRun,
                r.outreach());
    }
}
