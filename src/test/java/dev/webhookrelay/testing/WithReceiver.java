package dev.webhookrelay.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A test class with one {@link Receiver} on 127.0.0.1, started once, emptied before each test, stopped at the end. */
public abstract class WithReceiver {

    protected static Receiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = Receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void resetReceiver() {
        receiver.reset();
    }
}
