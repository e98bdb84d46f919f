package dev.webhookrelay.queue;

import java.time.Instant;
import java.util.Objects;

/** What follows an attempt, as {@link RetryDecider} decides it. Immutable. */
sealed interface Decision {

    /** The delivery is DELIVERED. */
    record Done() implements Decision {
    }

    /** The next attempt is due {@code at}. */
    record RetryAt(Instant at) implements Decision {
        public RetryAt {
            Objects.requireNonNull(at, "at == null");
        }
    }

    /** The delivery is FAILED, for {@code reason}. */
    record GiveUp(String reason) implements Decision {
        public GiveUp {
            Objects.requireNonNull(reason, "reason == null");
        }
    }
}
