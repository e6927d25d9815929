package dev.footing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** A free TCP port on this machine, for servers started by tests, the local run and benchmarks. */
public final class FreePort {

    /**
     * Ports already handed out by this JVM. The kernel may offer a port again as soon as the probe
     * socket closes, and two servers started a moment later on "free" ports would then collide (seen
     * when a service's management port equalled another's).
     */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePort() {
    }

    public static synchronized int pick() {
        while (true) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
