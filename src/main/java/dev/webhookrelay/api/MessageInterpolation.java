package dev.webhookrelay.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.MessageInterpolator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean validation's messages without Jakarta EL. Every constraint of the request records carries its own message, at
 * most with a parameter ({@code must have at most {max} entries}), so the expression language that the default
 * interpolator builds at start-up (its expression factory and about a hundred classes) interpolates nothing here; the
 * parameter interpolator gives the same text. A message with a {@code ${…}} expression would be left as written, and
 * Hibernate Validator logs a warning for it.
 */
@Singleton
class MessageInterpolation {

    @Produces
    @Singleton
    MessageInterpolator interpolator() {
        return new ParameterMessageInterpolator();
    }
}
