package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The QR code of a member's emergency card, as the SVG image the console shows and prints. */
class QrSvgTest {
    private static final String LINK = "https://huzhu.example/prod/v1/triggers/Qm9vdHN0cmFwLXRva2VuLTAwMDEtYWJjZA";
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-(\\d+)z");
    private static final Pattern PATH = Pattern.compile(" d=\"([^\"]*)\"");

    @Test
    void theCode_readsBackAsTheLink_whenItsDarkRunsArePainted() throws Exception {
        // when
        String svg = QrSvg.of(LINK);

        // then a reader sees the link in the pixels the SVG describes
        assertThat(decode(paint(svg, 6))).isEqualTo(LINK);
    }

    @Test
    void theImage_isSquare_withAQuietZoneOfFourModules_blackOnWhite() {
        // when
        String svg = QrSvg.of(LINK);

        // then
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int side = Integer.parseInt(box.group(1));
        assertThat(box.group(2)).isEqualTo(box.group(1));
        assertThat((side - 8 - 17) % 4).as("17 + 4 × version modules, plus 4 on each side").isZero();
        Matcher run = RUN.matcher(path(svg));
        while (run.find()) {
            assertThat(Integer.parseInt(run.group(1))).isBetween(4, side - 5);
            assertThat(Integer.parseInt(run.group(2))).isBetween(4, side - 5);
        }
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("fill=\"#fff\"")
                .contains("fill=\"#000\"").contains("shape-rendering=\"crispEdges\"").endsWith("</svg>");
    }

    @Test
    void theImage_carriesNothingButShapes() {
        // when
        String svg = QrSvg.of(LINK + "?<script>alert(1)</script>&\"");

        // then: neither the link nor anything that runs or loads is in the markup
        assertThat(svg).doesNotContain("script", "style", "href", "triggers", "<text", "&");
    }

    @Test
    void aLongerLink_makesALargerCode_stillReadable() throws Exception {
        // given
        String longer = LINK + "/" + "x".repeat(200);

        // when
        String svg = QrSvg.of(longer);

        // then
        assertThat(side(svg)).isGreaterThan(side(QrSvg.of(LINK)));
        assertThat(decode(paint(svg, 4))).isEqualTo(longer);
    }

    // ------------------------------------------------------------------ plumbing

    private static String path(String svg) {
        Matcher m = PATH.matcher(svg);
        assertThat(m.find()).as("one path of dark modules").isTrue();
        return m.group(1);
    }

    private static int side(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        return Integer.parseInt(box.group(1));
    }

    /** Paints the path's runs ("M x,y h n v1 h -n z": n dark modules from x, y) black on white, as pixels. */
    private static BufferedImage paint(String svg, int scale) {
        int side = side(svg);
        BufferedImage image = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) image.setRGB(x, y, 0xFFFFFF);
        }
        String d = path(svg);
        Matcher run = RUN.matcher(d);
        int covered = 0;
        while (run.find()) {
            assertThat(run.start()).as("nothing between runs").isEqualTo(covered);
            covered = run.end();
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int n = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + n) * scale; x++) image.setRGB(x, y, 0);
            }
        }
        assertThat(covered).as("the whole path is runs").isEqualTo(d.length());
        return image;
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
