package huzhu.testing;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack for the Docker-only tests: the image pinned to a release that starts without an auth token (the newest
 * images want one), and {@code LOCALSTACK_AUTH_TOKEN} passed through when it is set.
 */
public final class LocalStackContainers {
    public static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8");

    private LocalStackContainers() {
    }

    /** A container, not yet started, with these services (none named: LocalStack's default, every service). */
    public static LocalStackContainer of(LocalStackContainer.Service... services) {
        LocalStackContainer c = new LocalStackContainer(IMAGE).withServices(services);
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) c.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        return c;
    }
}
