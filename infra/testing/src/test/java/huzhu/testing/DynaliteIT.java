package huzhu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
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
