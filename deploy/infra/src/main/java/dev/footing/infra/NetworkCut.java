package dev.footing.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network partition between this machine and one TCP port: every packet to or from the port is
 * silently dropped by an nftables rule, so connections hang instead of being refused, as when a
 * database host vanishes behind a broken link. Needs {@code nft} (Debian's nftables) and root.
 *
 * <p>Each port gets its own table, {@code inet footing_cut_<port>}, so that two test JVMs on the
 * same machine (several builds at once) never heal each other's partition.
 */
final class NetworkCut {

    // Debian installs it in /usr/sbin, which is not on every PATH.
    private static final String NFT = Files.isExecutable(Path.of("/usr/sbin/nft")) ? "/usr/sbin/nft" : "nft";
    private static final String CHAIN = "{ type filter hook output priority 0 ; policy accept ; }";

    private NetworkCut() {
    }

    static void cut(int port) {
        String table = table(port);
        heal(port);
        nft("add", "table", "inet", table);
        nft("add", "chain", "inet", table, "out", CHAIN);
        // Loopback traffic passes the output hook in both directions: requests to the port and answers from it.
        nft("add", "rule", "inet", table, "out", "tcp", "dport", Integer.toString(port), "drop");
        nft("add", "rule", "inet", table, "out", "tcp", "sport", Integer.toString(port), "drop");
    }

    /** Removes the partition of {@code port}, if any. */
    static void heal(int port) {
        String table = table(port);
        if (run("list", "table", "inet", table).exitCode() == 0) {
            nft("delete", "table", "inet", table);
        }
    }

    /**
     * Null when rules can be added and removed here, otherwise why not (no nft, not root, no
     * nf_tables in the kernel): tried for real on a table of its own.
     */
    static String whyNot() {
        String probe = "footing_probe_" + ProcessHandle.current().pid();
        Result added = run("add", "table", "inet", probe);
        if (added.exitCode() != 0) {
            return "nft cannot add a table here (" + added.output().strip() + ")";
        }
        Result chain = run("add", "chain", "inet", probe, "out", CHAIN);
        run("delete", "table", "inet", probe);
        return chain.exitCode() == 0 ? null : "nft cannot add an output chain here (" + chain.output().strip() + ")";
    }

    private static String table(int port) {
        return "footing_cut_" + port;
    }

    private static void nft(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("nft " + String.join(" ", args) + " failed: " + result.output());
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(NFT));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "nft did not answer within 10 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, "nft not found: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
