package huzhu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DynaliteIT {

    @Test
    void aStartedDynalite_answersOnItsEndpoint_untilItIsClosed() throws IOException {
        // given
        URI endpoint;
        try (Dynalite dynalite = Dynalite.start()) {
            endpoint = dynalite.endpoint();

            // when
            int status = post(endpoint);

            // then it speaks the DynamoDB protocol: an unsigned request is refused, as AWS would
            assertThat(status).isEqualTo(400);
            System.out.println("dynalite started in " + dynalite.startupTime().toMillis() + " ms");
        }

        // then
        assertThat(answers(endpoint)).isFalse();
    }

    @Test
    void aClientThatGoesAwayInTheMiddleOfARequest_leavesDynaliteAnsweringTheOthers() throws Exception {
        // given a client (a function's JVM exiting with a read in flight) that sends half a request, then resets
        try (Dynalite dynalite = Dynalite.start()) {
            URI endpoint = dynalite.endpoint();
            try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: " + endpoint.getAuthority()
                        + "\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 100\r\n\r\n{\"Lim")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                Thread.sleep(100);
                socket.setSoLinger(true, 0);
            }

            // then everyone else's requests are still answered
            Thread.sleep(200);
            assertThat(answers(endpoint)).isTrue();
            assertThat(post(endpoint)).isEqualTo(400);
        }
    }

    @Test
    void theSharedDynalite_isOnePerJvm() {
        // when / then
        assertThat(Dynalite.shared()).isSameAs(Dynalite.shared());
    }

    @Test
    void itsFolder_isFoundFromAModuleDirectory() {
        // when / then
        assertThat(Dynalite.folder()).endsWith(java.nio.file.Path.of("infra", "testing", "dynalite"));
        assertThat(Dynalite.folder().resolve("package-lock.json")).exists();
    }

    private static int post(URI endpoint) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.ListTables");
        c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        c.setDoOutput(true);
        c.getOutputStream().write("{}".getBytes());
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    private static boolean answers(URI endpoint) {
        try {
            post(endpoint);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
