// SPDX-License-Identifier: Apache-2.0
package org.example.urelay.hello.internal;

import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.Sink;
import urelay.spi.SinkResult;

/**
 * A sink that connects nowhere: every connection is "connected" to a fresh {@link GreetingStream},
 * and urelay relays between the client and that stream as it would to a real upstream.
 *
 * <p>Called on each connection's own virtual thread, many at once; it holds nothing but an
 * immutable greeting, so it is thread-safe.
 */
final class HelloSink implements Sink {

    private final byte[] greeting;

    HelloSink(byte[] greeting) {
        this.greeting = greeting.clone();
    }

    @Override
    public SinkResult connect(Destination destination, ClientConnection client) {
        // The stream now belongs to urelay, which closes it when the connection ends. The
        // description is what the audit line shows as upstream.
        return new SinkResult.Connected(new GreetingStream(greeting), "hello");
    }
}
