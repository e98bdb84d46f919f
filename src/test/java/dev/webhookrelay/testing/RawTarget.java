package dev.webhookrelay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving target on 127.0.0.1, below HTTP: one that accepts connections and never answers, or one that resets
 * each connection as soon as the request arrives. Counts the connections it accepted.
 */
public final class RawTarget implements AutoCloseable {

    private enum Behaviour {
        HANG,
        RESET
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private RawTarget(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.behaviour = behaviour;
        Thread acceptor = new Thread(this::serve, "raw-target-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Returns a target that accepts connections and never sends a byte back. */
    public static RawTarget hanging() throws IOException {
        return new RawTarget(Behaviour.HANG);
    }

    /** Returns a target that resets every connection once the request starts arriving. */
    public static RawTarget resetting() throws IOException {
        return new RawTarget(Behaviour.RESET);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    public int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                if (behaviour == Behaviour.HANG) {
                    held.add(socket);
                } else {
                    InputStream in = socket.getInputStream();
                    in.read(new byte[1024]);
                    socket.setSoLinger(true, 0); // Close with RST rather than FIN.
                    socket.close();
                }
            } catch (IOException e) {
                // Closed while accepting: the target is shutting down.
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
