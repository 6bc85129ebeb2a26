// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;


/**
 * The runtime's sockets, lent to plugins. The runtime owns every socket's file descriptor:
 * plugins open, adopt and connect sockets only through this interface, which is what lets
 * the runtime open sockets inside other namespaces and relay with zero-copy {@code splice}.
 *
 * <p>Every method may be called from any thread. Methods that wait park the calling virtual
 * thread.
 */
public interface Network {

    /**
     * Opens a listening TCP socket. In another namespace, the socket is made on a platform
     * thread that has entered that namespace; every other thread stays in urelay's own.
     *
     * @throws IOException naming the call that failed and the error, such as
     *                     {@code bind [::]:80: EADDRINUSE (Address already in use)}
     */
    Acceptor listen(ListenRequest request) throws IOException;

    /**
     * Takes over a listening TCP socket inherited from the parent process.
     *
     * @param fd          the descriptor number
     * @param description where it came from, for logs
     * @throws IOException if {@code fd} is not an open, listening TCP socket
     */
    Acceptor adopt(int fd, String description) throws IOException;

    /**
     * Takes over a listening TCP socket inherited from the parent process, whose connections
     * arrive as {@code capture} says, which decides where their original destinations are read.
     *
     * @throws IOException if {@code fd} is not an open, listening TCP socket, or (for
     *                     {@link Capture#TPROXY}) one without {@code IP_TRANSPARENT}
     */
    default Acceptor adopt(int fd, String description, Capture capture) throws IOException {
        if (capture == Capture.LOCAL) {
            return adopt(fd, description);
        }
        throw new IOException(description + ": this network adopts listening sockets for local capture only");
    }

    /**
     * Connects a TCP socket from urelay's own namespace.
     *
     * @param remote  the address to connect to
     * @param timeout how long to wait for the handshake
     * @throws ConnectFailedException with the outcome a sink should report
     */
    ByteStream connect(InetSocketAddress remote, Duration timeout) throws ConnectFailedException;

    /**
     * Connects a TCP socket from urelay's own namespace after binding it as {@code bind} says.
     *
     * @throws ConnectFailedException with the outcome a sink should report; a bind the process
     *                                lacks the capability for fails with a message naming it
     */
    default ByteStream connect(InetSocketAddress remote, Duration timeout, BindOptions bind)
            throws ConnectFailedException {
        if (bind.isNone()) {
            return connect(remote, timeout);
        }
        throw new ConnectFailedException(Outcome.ERROR, "-", "this network cannot bind outbound sockets");
    }

    /**
     * Takes over a TCP connection accepted elsewhere, such as one passed over a Unix socket.
     * The runtime owns {@code fd} from the call on: if the call throws, it has closed it.
     *
     * @param fd      the descriptor number
     * @param capture how the connection was captured, which says where its original
     *                destination is read
     * @throws IllegalArgumentException if {@code fd} is not a TCP socket at all: not open, not
     *                                  a socket, a socket of another family or type, or a
     *                                  listening one; whoever passed it made a mistake
     * @throws IOException if {@code fd} is a TCP socket that cannot be taken over, such as one
     *                     whose client has already reset it; only that connection is lost
     */
    default ClientConnection adoptConnection(int fd, Capture capture) throws IOException {
        throw new IOException("this network cannot adopt connections");
    }

    /**
     * Takes over a Unix-domain socket that another process passes descriptors over: a
     * connected stream socket, or a bound datagram socket. The runtime owns {@code fd} from
     * the call on: if the call throws, it has closed it.
     *
     * @param fd the descriptor number
     * @throws IllegalArgumentException if {@code fd} is not a Unix stream or datagram socket
     * @throws IOException if the socket cannot be set up for receiving
     */
    default PassingSocket adoptPassingSocket(int fd) throws IOException {
        throw new IOException("this network cannot receive passed descriptors");
    }

    /**
     * Connects a Unix-domain stream socket.
     *
     * @param destination the socket's path; at most 107 bytes, the kernel's limit
     * @param timeout     how long to wait when the listener's queue is full
     * @throws ConnectFailedException {@link Outcome#REFUSED} when nothing listens there
     */
    ByteStream connect(UnixDestination destination, Duration timeout) throws ConnectFailedException;
}
