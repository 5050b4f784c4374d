package huzhu.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spreadsheet text as officers export or copy it. */
class CsvTest {

    @Test
    void plainRows_splitAtCommas_andLineBreaks() {
        // when
        List<List<String>> rows = Csv.parse("姓名,手机\n王建国,13900000001\n");

        // then
        assertThat(rows).containsExactly(List.of("姓名", "手机"), List.of("王建国", "13900000001"));
    }

    @Test
    void quotedCells_keepCommasLineBreaksAndDoubledQuotes() {
        // when
        List<List<String>> rows = Csv.parse("name,address\r\n\"Li, Na\",\"3 栋\n502 \"\"东\"\"\"\r\n");

        // then
        assertThat(rows).containsExactly(List.of("name", "address"), List.of("Li, Na", "3 栋\n502 \"东\""));
    }

    @Test
    void anExcelByteOrderMark_isNotPartOfTheFirstHeader() {
        // when
        List<List<String>> rows = Csv.parse("\uFEFF姓名,手机\r\n王建国,139");

        // then
        assertThat(rows.get(0).get(0)).isEqualTo("姓名");
        assertThat(rows).hasSize(2);
    }

    @Test
    void cellsCopiedFromASheet_areSplitAtTabs() {
        // when
        List<List<String>> rows = Csv.parse("姓名\t手机\n王建国\t139, 0000");

        // then
        assertThat(rows.get(1)).containsExactly("王建国", "139, 0000");
    }

    @Test
    void aFullWidthCommaHeader_splitsAtFullWidthCommas() {
        // when
        List<List<String>> rows = Csv.parse("姓名，手机\n王建国，139");

        // then
        assertThat(rows.get(1)).containsExactly("王建国", "139");
    }

    @Test
    void emptyLines_areLeftOut_butEmptyCellsAreKept() {
        // when
        List<List<String>> rows = Csv.parse("a,b\n\n,x\n\r\n");

        // then
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("", "x"));
    }

    @Test
    void nothing_isNoRows() {
        assertThat(Csv.parse("")).isEmpty();
        assertThat(Csv.parse(null)).isEmpty();
    }
}
