package dev.footing.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void neverHandsOutTheSamePortTwiceInOneJvm() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ports.add(FreePort.pick());
        }
        assertEquals(200, ports.size());
    }
}
