package dev.webhookrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.impl.NoStackTraceTimeoutException;

/** A failed attempt's error is classified by the exception types in its cause chain, never by its message. */
class DelivererDescribeTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                // timeout: the JDK's, Vert.x's and Netty's, before refused (Netty's connect timeout is a ConnectException)
                Arguments.of(new TimeoutException("t"), "timeout: t"),
                Arguments.of(new NoStackTraceTimeoutException("idle"), "timeout: idle"),
                Arguments.of(new SocketTimeoutException("read timed out"), "timeout: read timed out"),
                Arguments.of(new ConnectTimeoutException("connection timed out"), "timeout: connection timed out"),
                Arguments.of(ReadTimeoutException.INSTANCE, "timeout: null"),
                // refused
                Arguments.of(new ConnectException("Connection refused"), "refused: Connection refused"),
                Arguments.of(new VertxException("wrapped", new ConnectException("Connection refused")),
                        "refused: wrapped"),
                // tls, also as a cause
                Arguments.of(new SSLHandshakeException("PKIX path building failed"), "tls: PKIX path building failed"),
                Arguments.of(new NotSslRecordException("not an SSL/TLS record"), "tls: not an SSL/TLS record"),
                Arguments.of(new IOException("handshake", new SSLHandshakeException("bad cert")), "tls: handshake"),
                // dns
                Arguments.of(new UnknownHostException("example.invalid"), "dns: example.invalid"),
                // reset: closed or reset under the attempt
                Arguments.of(new HttpClosedException("Connection was closed"), "reset: Connection was closed"),
                Arguments.of(new StreamResetException(8), "reset: Stream reset: 8"),
                Arguments.of(new ClosedChannelException(), "reset: null"),
                Arguments.of(new SocketException("Connection reset"), "reset: Connection reset"),
                // io: anything else, whatever its message says
                Arguments.of(new NoRouteToHostException("No route to host"), "io: No route to host"),
                Arguments.of(new BindException("Address already in use"), "io: Address already in use"),
                Arguments.of(new IOException("connection reset, closed and timed out"),
                        "io: connection reset, closed and timed out"),
                Arguments.of(new VertxException("Timeout while closing"), "io: Timeout while closing"),
                Arguments.of(new IllegalStateException((String) null), "io: null"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void classifiesByExceptionType(Throwable error, String described) {
        assertThat(Deliverer.describe(error)).isEqualTo(described);
    }
}
