package dev.webhookrelay.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;

/**
 * The Lambda entry point of the queue consumer function, set as its handler:
 * {@code dev.webhookrelay.queue.DeliveryQueueHandler::handleRequest}. The same {@code function.zip} serves the HTTP
 * function, whose handler is Quarkus' {@code QuarkusStreamHandler::handleRequest}.
 *
 * <p>Why not a {@code @Named RequestHandler<SQSEvent, SQSBatchResponse>} picked by {@code quarkus.lambda.handler}:
 * with {@code quarkus-amazon-lambda-http} in the build, Quarkus (3.33) refuses any class implementing
 * {@code RequestHandler} or {@code RequestStreamHandler} ("Multiple handler classes. You have a custom handler class
 * and the AWS Lambda HTTP extension"), and routes every invocation to its HTTP handler. This class implements neither
 * interface, so the build does not see it; the Lambda Java runtime calls any public {@code (InputStream, OutputStream,
 * Context)} method named in the handler setting. Like {@code QuarkusStreamHandler}, it starts Quarkus once per
 * execution environment, then hands each event to {@link SqsBatchHandler}.
 */
public final class DeliveryQueueHandler {

    public DeliveryQueueHandler() {
        Quarkus.manualInitialize();
    }

    /** Handles one SQS event and writes its partial batch response to {@code output}. */
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Quarkus.manualStart();
        SqsBatchHandler handler = Arc.container().instance(SqsBatchHandler.class).get();
        ObjectMapper mapper = Arc.container().instance(ObjectMapper.class).get();
        mapper.writeValue(output, handler.handle(input));
    }
}
