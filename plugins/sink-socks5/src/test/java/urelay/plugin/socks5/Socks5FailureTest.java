// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static urelay.plugin.socks5.Bytes.concat;
import static urelay.plugin.socks5.Bytes.of;
import static urelay.plugin.socks5.Socks5SinkTest.IPV4_DESTINATION;
import static urelay.plugin.socks5.Socks5SinkTest.IPV4_REQUEST;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import urelay.spi.Outcome;
import urelay.spi.SinkResult;
import urelay.spi.UnixDestination;

/** What the sink reports when the proxy refuses, misbehaves or stays silent. */
@Timeout(10)
class Socks5FailureTest {

    private final Socks5SinkTest sinks = new Socks5SinkTest();

    @AfterEach
    void closeEveryStream() {
        sinks.closeEveryStream();
    }

    @ParameterizedTest(name = "reply {0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | ERROR       | socks5 reply 1: general failure
            2   | REJECTED    | socks5 reply 2: not allowed by ruleset
            3   | UNREACHABLE | socks5 reply 3: network unreachable
            4   | UNREACHABLE | socks5 reply 4: host unreachable
            5   | REFUSED     | socks5 reply 5: connection refused
            6   | TIMEOUT     | socks5 reply 6: TTL expired
            7   | ERROR       | socks5 reply 7: command not supported
            8   | ERROR       | socks5 reply 8: address type not supported
            9   | ERROR       | socks5 reply 9: unassigned code
            255 | ERROR       | socks5 reply 255: unassigned code
            """)
    void mapsEachFailureReplyToItsOutcomeAndClosesTheProxyStream(int code, Outcome outcome, String detail)
            throws Exception {
        AtomicBoolean closedQuietly = new AtomicBoolean();
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(5, 0);
            client.read(IPV4_REQUEST.length);
            client.send(5, code, 0, 1, 0, 0, 0, 0, 0, 0);
            closedQuietly.set(client.awaitEndWithoutMoreBytes());
        })) {
            SinkResult result = sinks.connect(proxy.server(), IPV4_DESTINATION);

            assertEquals(new SinkResult.Failed(outcome, detail), result);
            proxy.awaitScript();
            assertTrue(closedQuietly.get());
            assertTrue(sinks.network.opened().getFirst().isClosed());
        }
    }

    @Test
    void reportsAProxyThatAcceptsNoneOfTheOfferedMethodsAsRefused() throws Exception {
        assertEquals(new SinkResult.Failed(Outcome.REFUSED, "socks5 proxy accepts none of the offered methods (none)"),
                afterGreeting(of(5, 0xff)));
    }

    @Test
    void reportsAMethodReplyWithAWrongVersionAsAnError() throws Exception {
        assertEquals(new SinkResult.Failed(Outcome.ERROR, "socks5 method selection has version 4; expected 5"),
                afterGreeting(of(4, 0)));
    }

    @Test
    void reportsAMethodThatWasNotOfferedAsAnError() throws Exception {
        assertEquals(new SinkResult.Failed(Outcome.ERROR, "socks5 proxy chose method 2, which was not offered"),
                afterGreeting(of(5, 2)));
    }

    @Test
    void reportsAReplyWithAWrongVersionAsAnError() throws Exception {
        assertEquals(new SinkResult.Failed(Outcome.ERROR, "socks5 reply has version 1; expected 5"),
                afterRequest(of(1, 0, 0, 1, 127, 0, 0, 1, 0, 80)));
    }

    @Test
    void reportsAnUnknownBoundAddressTypeAsAnError() throws Exception {
        assertEquals(new SinkResult.Failed(Outcome.ERROR, "socks5 reply has address type 2; allowed 1, 3 or 4"),
                afterRequest(of(5, 0, 0, 2, 127, 0, 0, 1, 0, 80)));
    }

    @Test
    void reportsAProxyThatHangsUpInTheMiddleOfTheReplyAsAnError() throws Exception {
        assertEquals(new SinkResult.Failed(Outcome.ERROR,
                        "socks5 proxy closed the connection in the middle of the reply"),
                afterRequest(of(5, 0, 0, 1, 127, 0)));
    }

    @Test
    void reportsAProxyThatHangsUpBeforeChoosingAMethodAsAnError() throws Exception {
        assertEquals(new SinkResult.Failed(Outcome.ERROR,
                        "socks5 proxy closed the connection in the middle of the method selection"),
                afterGreeting(of()));
    }

    @Test
    void timesOutWhenTheProxyNeverAnswersTheGreeting() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.stayQuiet();
        })) {
            long start = System.nanoTime();
            SinkResult result = sinks.connect(shortHandshake(proxy.server()), IPV4_DESTINATION);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(new SinkResult.Failed(Outcome.TIMEOUT, "socks5 handshake got no answer within 300ms"),
                    result);
            assertTrue(took.compareTo(Duration.ofMillis(250)) > 0 && took.compareTo(Duration.ofSeconds(3)) < 0,
                    "took " + took);
            proxy.awaitScript();
        }
    }

    @Test
    void timesOutWhenTheProxyDripsItsReplyPastTheWholeHandshakesTimeout() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(5, 0);
            client.read(IPV4_REQUEST.length);
            // Each byte comes well within 300 ms of the last, but the reply takes about 1.2 s.
            for (int b : new int[] {5, 0, 0, 1, 198, 51, 100, 7, 0, 80}) {
                try {
                    Thread.sleep(120);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                client.send(b);
            }
            client.stayQuiet();
        })) {
            SinkResult result = sinks.connect(shortHandshake(proxy.server()), IPV4_DESTINATION);

            assertEquals(Outcome.TIMEOUT, ((SinkResult.Failed) result).outcome());
        }
    }

    @Test
    void timesOutWhenTheProxyStopsInTheMiddleOfTheReply() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(5, 0);
            client.read(IPV4_REQUEST.length);
            client.send(5, 0, 0, 3, 30, 'p', 'r', 'o');
            client.stayQuiet();
        })) {
            SinkResult result = sinks.connect(shortHandshake(proxy.server()), IPV4_DESTINATION);

            assertEquals(Outcome.TIMEOUT, ((SinkResult.Failed) result).outcome());
            proxy.awaitScript();
            assertTrue(sinks.network.opened().getFirst().isClosed());
        }
    }

    @Test
    void rejectsAUnixDestinationWithoutConnectingToTheProxy() {
        SinkResult result = sinks.connect("127.0.0.1:1080", new UnixDestination(Path.of("/run/app.sock")));

        assertEquals(new SinkResult.Failed(Outcome.REJECTED,
                "the socks5 sink reaches IP and domain destinations only; route unix:/run/app.sock to a unix sink"),
                result);
        assertTrue(sinks.network.opened().isEmpty());
    }

    private SinkResult afterGreeting(byte[] answer) throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(answer);
            client.hangUp();
        })) {
            SinkResult result = sinks.connect(proxy.server(), IPV4_DESTINATION);
            proxy.awaitScript();
            return result;
        }
    }

    private SinkResult afterRequest(byte[] reply) throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(3);
            client.send(5, 0);
            client.read(IPV4_REQUEST.length);
            client.send(concat(reply));
            client.hangUp();
        })) {
            SinkResult result = sinks.connect(proxy.server(), IPV4_DESTINATION);
            proxy.awaitScript();
            return result;
        }
    }

    private static Socks5Config shortHandshake(String server) {
        return new Socks5Config(server, null, null, null, null, Duration.ofMillis(300));
    }
}
