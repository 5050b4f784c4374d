package huzhu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * dynalite — the DynamoDB API, in memory, on Node.js — for tests. The npm package is pinned by
 * {@code infra/testing/dynalite/package-lock.json} and installed with {@code npm ci} the first time it is
 * needed. Use {@link #shared()} for one instance per JVM (stopped when the JVM exits), or {@link #start()}
 * in try-with-resources for one of your own.
 *
 * <pre>{@code
 * URI endpoint = Dynalite.shared().endpoint();   // http://127.0.0.1:<free port>
 * }</pre>
 */
public final class Dynalite implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final String FOLDER = "infra/testing/dynalite";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

    private static Dynalite shared;

    private final Process process;
    private final int port;
    private final Duration startupTime;
    private final Thread stopAtExit;

    private Dynalite(Process process, int port, Duration startupTime) {
        this.process = process;
        this.port = port;
        this.startupTime = startupTime;
        this.stopAtExit = new Thread(this::stop, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** The JVM's one dynalite, started on first use and stopped when the JVM exits. */
    public static synchronized Dynalite shared() {
        if (shared == null || !shared.process.isAlive()) shared = start();
        return shared;
    }

    /** A new dynalite on a free port; close it when done. */
    public static Dynalite start() {
        Path folder = folder();
        install(folder);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return launch(folder, freePort());
            } catch (PortTaken e) {
                last = e; // another process took the port between our check and dynalite's listen
            }
        }
        throw last;
    }

    /** Where the DynamoDB client should send requests. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** From starting the process to the port answering. */
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ---- finding, installing, launching

    /** {@code infra/testing/dynalite} of the repository the working directory is in (tests run in a module dir). */
    static Path folder() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isRegularFile(candidate.resolve("package.json"))) return candidate;
        }
        throw new IllegalStateException("no " + FOLDER + "/package.json in " + start + " or any folder above it");
    }

    private static void install(Path folder) {
        if (Files.isRegularFile(folder.resolve("node_modules/dynalite/cli.js"))) return;
        requireNode();
        Path target = folder.resolveSibling("target");
        try {
            Files.createDirectories(target);
            // test JVMs of modules built in parallel must not run npm ci in one folder at the same time
            try (FileChannel channel = FileChannel.open(target.resolve("dynalite-install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(folder.resolve("node_modules/dynalite/cli.js"))) return;
                Path log = target.resolve("dynalite-npm-ci.log");
                Process npm = new ProcessBuilder(WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund")
                        .directory(folder.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    npm.destroyForcibly();
                    throw new IllegalStateException("npm ci in " + folder + " took over " + INSTALL_TIMEOUT);
                }
                if (npm.exitValue() != 0) {
                    throw new IllegalStateException("npm ci in " + folder + " failed (exit " + npm.exitValue() + "):\n"
                            + tail(log));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install dynalite in " + folder, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing dynalite", e);
        }
    }

    private static void requireNode() {
        try {
            Process node = new ProcessBuilder(WINDOWS ? "node.exe" : "node", "--version")
                    .redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            if (node.waitFor() == 0) return;
        } catch (IOException e) {
            // not on the PATH: explained below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Tests against DynamoDB run dynalite, which needs Node.js 20 or newer with npm"
                + " on the PATH. Install it from https://nodejs.org/ (or e.g. `apt-get install nodejs npm`,"
                + " `brew install node`), then run the build again.");
    }

    private static Dynalite launch(Path folder, int port) {
        Path log;
        try {
            Path target = Files.createDirectories(folder.resolveSibling("target"));
            log = target.resolve("dynalite-" + port + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(List.of(WINDOWS ? "node.exe" : "node", "start.js",
                    "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start(); // stdin stays a pipe: start.js exits when it closes
        } catch (IOException e) {
            requireNode();
            throw new UncheckedIOException("could not start dynalite", e);
        }
        long deadline = started + STARTUP_TIMEOUT.toNanos();
        while (!answers(port)) {
            if (!process.isAlive()) {
                String output = tail(log);
                if (output.contains("EADDRINUSE")) throw new PortTaken(port);
                throw new IllegalStateException("dynalite exited with " + process.exitValue() + ":\n" + output);
            }
            if (System.nanoTime() - deadline > 0) {
                process.destroyForcibly();
                throw new IllegalStateException("dynalite did not answer on port " + port + " within "
                        + STARTUP_TIMEOUT + ":\n" + tail(log));
            }
            sleep(20);
        }
        return new Dynalite(process, port, Duration.ofNanos(System.nanoTime() - started));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for dynalite", e);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        }
    }

    private static final class PortTaken extends IllegalStateException {
        PortTaken(int port) {
            super("port " + port + " was taken before dynalite could listen on it");
        }
    }
}
