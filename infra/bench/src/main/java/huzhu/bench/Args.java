package huzhu.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs, and what every benchmark prints first about the machine it ran on. */
final class Args {
    private Args() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return a;
    }

    static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(Integer.parseInt(s.trim()));
        return out;
    }

    /** Cores, Java, and the load average when the run started: other builds on the machine skew the figures. */
    static String machine() {
        String load = "?";
        try {
            load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: leave it unknown
        }
        return "cores=" + Runtime.getRuntime().availableProcessors() + " java=" + System.getProperty("java.version")
                + " loadavg(1/5/15 min, running/total, last pid)=" + load;
    }
}
