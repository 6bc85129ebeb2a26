// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import urelay.spi.PassedMessage;
import urelay.spi.PassingSocket;

/** How one passed message is taken apart, with descriptor numbers standing for connections. */
class DeliveryTest {

    private final List<Integer> adopted = new ArrayList<>();
    private final List<Integer> discarded = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void handsOverEveryDescriptorInOrder() {
        var result = deliver(message(new byte[] {0}, false, 7, 8, 9), fd -> new Delivery.Adoption.Queued());

        assertEquals(new Delivery.Result.Delivered(3), result);
        assertEquals(List.of(7, 8, 9), adopted);
    }

    @Test
    void handsOverWhatArrivedOfAMessageTheKernelCutShortAndSaysSo() {
        var result = deliver(message(new byte[] {0}, true, 7, 8), fd -> new Delivery.Adoption.Queued());

        assertEquals(new Delivery.Result.Delivered(2), result);
        assertEquals(List.of(7, 8), adopted);
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().startsWith("passed connections lost path=/p peer arrived=2 "), warnings.toString());
    }

    @Test
    void closesTheRestOfAMessageAfterADescriptorOfTheWrongKind() {
        var result = deliver(message(new byte[] {0}, false, 7, 8, 9),
                fd -> fd == 8 ? new Delivery.Adoption.WrongKind("not a socket") : new Delivery.Adoption.Queued());

        assertEquals(new Delivery.Result.Refused("not a socket", 2), result);
        assertEquals(List.of(7, 8), adopted);
        assertEquals(List.of(9), discarded);
    }

    @Test
    void closesEveryDescriptorOfAMessageWithAByteOtherThanZero() {
        var result = deliver(message(new byte[] {0, 1}, false, 7, 8), fd -> new Delivery.Adoption.Queued());

        assertEquals(new Delivery.Result.Refused("sent a byte other than zero", 2), result);
        assertEquals(List.of(), adopted);
        assertEquals(List.of(7, 8), discarded);
    }

    @Test
    void dropsALostConnectionAloneAndWarns() {
        var result = deliver(message(new byte[] {0}, false, 7, 8),
                fd -> fd == 7 ? new Delivery.Adoption.Lost("ENOTCONN") : new Delivery.Adoption.Queued());

        assertEquals(new Delivery.Result.Delivered(1), result);
        assertEquals(List.of("passed connection dropped path=/p peer error=\"ENOTCONN\""), warnings);
    }

    private Delivery.Result deliver(PassedMessage message, IntFunction<Delivery.Adoption> adoption) {
        Delivery.Target target = new Delivery.Target() {
            @Override
            public Delivery.Adoption adopt(int fd) {
                adopted.add(fd);
                return adoption.apply(fd);
            }

            @Override
            public String path() {
                return "/p";
            }

            @Override
            public void warn(String line) {
                warnings.add(line);
            }
        };
        return Delivery.deliver(message, new Discarding(), target, "peer");
    }

    private static PassedMessage message(byte[] data, boolean cut, int... descriptors) {
        return new PassedMessage(data, descriptors, false, cut, Optional.empty());
    }

    /** Records what is discarded; receives nothing. */
    private final class Discarding implements PassingSocket {

        @Override
        public Optional<PassedMessage> receive() {
            return Optional.empty();
        }

        @Override
        public void discard(int descriptor) {
            discarded.add(descriptor);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void close() {
        }
    }
}
