package dev.webhookrelay.queue;

/**
 * Where queued attempts wait until they are due. Delivery is at least once: a message may be handled twice, which the
 * status store's conditional writes make harmless. Implementations must be safe for concurrent use; a queue that
 * cannot take a message throws {@link QueueException}.
 */
public interface DeliveryQueue {

    /** Queues {@code message} to be handled at or after its {@code notBefore}. */
    void enqueue(DeliveryMessage message);
}
