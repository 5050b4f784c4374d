package huzhu.bench.crac;

/**
 * A stand-in for the CRaC API that a SnapStart runtime provides, for JVMs without CRaC: {@code org.crac}
 * (which the functions use) binds to it when started with {@code -Dorg.crac.Core.Compat=huzhu.bench.crac},
 * as Lambda's runtime binds it to its own implementation. See {@link Core}.
 */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
