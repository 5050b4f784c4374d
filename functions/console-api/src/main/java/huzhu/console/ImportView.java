package huzhu.console;

import huzhu.core.directory.DirectoryService.ImportReport;
import huzhu.core.kernel.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An import's report with each row problem as text for people (zh-CN, then English), like a 422's fields. */
public record ImportView(int rows, int imported, int skipped, List<String> ids, List<Row> problems,
        List<String> ignoredColumns) {

    public record Row(int row, Map<String, String> fields) {
    }

    public static ImportView of(ImportReport r) {
        List<Row> rows = r.problems().stream().map(p -> {
            Map<String, String> fields = new LinkedHashMap<>();
            p.fields().forEach((field, key) -> fields.put(field, Messages.bilingual(key, Map.of())));
            return new Row(p.row(), fields);
        }).toList();
        return new ImportView(r.rows(), r.imported(), r.skipped(), r.ids(), rows, r.ignoredColumns());
    }
}
