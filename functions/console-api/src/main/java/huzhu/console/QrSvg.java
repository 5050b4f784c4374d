package huzhu.console;

import io.nayuki.qrcodegen.QrCode;

/**
 * The QR code of a link as a standalone SVG image, for the member's printable emergency card: black modules on
 * white, the four-module quiet zone a reader needs, error correction level M (a card by the phone gets creased).
 * The markup holds shapes only (one path of horizontal runs), never the link's text, so the page can show it as an
 * image whatever the link contains.
 */
final class QrSvg {
    private static final int QUIET_ZONE = 4;
    private static final int PIXELS_PER_MODULE = 8;

    private QrSvg() {
    }

    static String of(String link) {
        QrCode qr = QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
        int side = qr.size + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(16 * qr.size * qr.size / 4)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(side).append(' ').append(side)
                .append("\" width=\"").append(side * PIXELS_PER_MODULE).append("\" height=\"")
                .append(side * PIXELS_PER_MODULE).append("\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"").append(side).append("\" height=\"").append(side).append("\" fill=\"#fff\"/>")
                .append("<path fill=\"#000\" d=\"");
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) x++;
                int run = x - start;
                svg.append('M').append(start + QUIET_ZONE).append(',').append(y + QUIET_ZONE)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return svg.append("\"/></svg>").toString();
    }
}
